using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>Every route under /staff, taken from the host's own endpoint table, refuses a stranger; role limits hold.</summary>
public class StaffAccessTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly string[] Public = ["staff/sign-in", "staff/denied"];
    // The API follows the pages: the overdue list and hotspots are shown to supervisors only.
    private static readonly string[] SupervisorsOnly = ["staff/api/audit", "staff/audit", "staff/overdue", "staff/api/hotspots", "staff/api/queue?overdue=true"];

    private IReadOnlyList<(string Method, string Path)> StaffRoutes()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Select(e => (Pattern: e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]))
            .Where(e => e.Pattern.StartsWith("staff", StringComparison.OrdinalIgnoreCase) && !Public.Contains(e.Pattern))
            .SelectMany(e => e.Methods.Select(m => (m, "/" + System.Text.RegularExpressions.Regex.Replace(e.Pattern, @"\{[^}]+\}", "1"))))
            .Distinct().ToList();
    }

    [Fact]
    public async Task Every_staff_route_refuses_an_anonymous_request()
    {
        var routes = StaffRoutes();
        Assert.True(routes.Count >= 15, $"only {routes.Count} staff routes found");
        var stranger = StaffClient.Anonymous(fixture.Host).Http;

        foreach (var (method, path) in routes)
        {
            var response = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
                          || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/staff/sign-in"));
            Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} to a stranger");
            Assert.False(response.IsSuccessStatusCode, $"{method} {path}");
        }
    }

    [Fact]
    public async Task Responders_cannot_reach_supervisor_pages_and_supervisors_can()
    {
        var responder = await StaffClient.SignedInAsync(fixture.Host, "responder");
        var supervisor = await StaffClient.SignedInAsync(fixture.Host, "supervisor");

        foreach (var path in SupervisorsOnly.Select(p => "/" + p))
        {
            var denied = await responder.Http.GetAsync(path);
            Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString.Contains("/staff/denied") == true,
                $"{path} answered {(int)denied.StatusCode} to a responder");
            Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Signed_in_staff_see_the_queue_and_statistics_pages()
    {
        var responder = await StaffClient.SignedInAsync(fixture.Host, "responder");

        var queue = await responder.Http.GetAsync("/staff");
        var statistics = await responder.Http.GetStringAsync("/staff/statistics");

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("<svg", statistics);
        Assert.Contains("default-src 'none'", queue.Headers.GetValues("Content-Security-Policy").Single());
    }
}
