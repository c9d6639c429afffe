using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SafeChat.Bot.Staff.Statistics;

public sealed class StatisticsPageModel(StatisticsService statistics) : PageModel
{
    public Statistics? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Figures = await statistics.BuildAsync(StaffMember.From(User), cancellation);
}
