using System.Globalization;
using System.Net;
using System.Text;

namespace SafeChat.Bot.Staff.Statistics;

/// <summary>Charts drawn on the server as inline SVG: no chart library, no request to anyone else.</summary>
public static class SvgCharts
{
    public static string Bars(string title, IReadOnlyList<Cell> cells)
    {
        const int width = 640, barHeight = 22, labelWidth = 190;
        // Scale against at least the smallest shown count, so a "<5" stub never outgrows its row.
        var max = Math.Max(Cell.SmallestShown, cells.Max(c => c.Count));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"t-{Id(title)}\" viewBox=\"0 0 {width} {cells.Count * barHeight + 10}\" width=\"100%\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"t-{Id(title)}\">{WebUtility.HtmlEncode(title)}</title>");
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            // Suppressed cells are drawn as the same short stub, so the bar gives nothing away either.
            var shown = cell.Count is > 0 and < Cell.SmallestShown ? Cell.SmallestShown / 2.0 : cell.Count;
            var length = shown / max * (width - labelWidth - 60);
            var y = i * barHeight + 5;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1d1d1b\">{WebUtility.HtmlEncode(cell.Label)}</text>" +
                $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{barHeight - 8}\" fill=\"#2f5d8a\"/>" +
                $"<text x=\"{labelWidth + length + 6:0.#}\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1d1d1b\">{cell.Shown}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    public static string HeatMap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[,] counts)
    {
        const int cellWidth = 90, cellHeight = 32, left = 40, top = 24;
        var max = Math.Max(1, counts.Cast<int>().Max());
        var svg = new StringBuilder();
        var (w, h) = (left + columns.Count * cellWidth, top + rows.Count * cellHeight);
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"t-{Id(title)}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"t-{Id(title)}\">{WebUtility.HtmlEncode(title)}</title>");
        for (var c = 0; c < columns.Count; c++)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + c * cellWidth + 8}\" y=\"16\" font-size=\"13\" fill=\"#1d1d1b\">{columns[c]}</text>");
        for (var r = 0; r < rows.Count; r++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + r * cellHeight + 20}\" font-size=\"13\" fill=\"#1d1d1b\">{rows[r]}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var count = counts[r, c];
                var shade = count is > 0 and < Cell.SmallestShown ? 0.15 : (double)count / max;
                var fill = $"rgb({(int)(235 - 190 * shade)},{(int)(240 - 150 * shade)},{(int)(245 - 100 * shade)})";
                var ink = shade > 0.55 ? "#ffffff" : "#1d1d1b";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{left + c * cellWidth}\" y=\"{top + r * cellHeight}\" width=\"{cellWidth - 2}\" height=\"{cellHeight - 2}\" fill=\"{fill}\"/>" +
                    $"<text x=\"{left + c * cellWidth + 8}\" y=\"{top + r * cellHeight + 20}\" font-size=\"13\" fill=\"{ink}\">{new Cell("", count).Shown}</text>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Id(string title) => new(title.Where(char.IsLetterOrDigit).ToArray());
}
