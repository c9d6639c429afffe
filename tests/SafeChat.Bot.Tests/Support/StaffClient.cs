using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SafeChat.Bot.Staff.Accounts;

namespace SafeChat.Bot.Tests.Support;

/// <summary>A staff member's browser without the browser: cookies, the sign-in form with a TOTP code, and the JSON API.</summary>
public sealed partial class StaffClient
{
    private readonly HttpClient _http;
    private string? _csrf;

    private StaffClient(Uri baseUrl)
    {
        Cookies = new CookieContainer();
        _http = StaffSignIn.Browser(baseUrl, Cookies);
    }

    public CookieContainer Cookies { get; }

    /// <summary>Another client with a copy of this session's cookies, as a second device (or a thief) would have them.</summary>
    public HttpClient CopiedSession()
    {
        var copy = new CookieContainer();
        copy.Add(Cookies.GetAllCookies());
        return new HttpClient(new BehindTlsProxy(copy)) { BaseAddress = _http.BaseAddress };
    }
    public StaffAccounts.NewAccount Account { get; private set; } = null!;
    public HttpClient Http => _http;

    public static async Task<StaffClient> SignedInAsync(SafeChatHost host, string role)
    {
        var account = await host.Services.GetRequiredService<StaffAccounts>().AddAsync($"{role}-{Guid.NewGuid():N}@gemeente.test", role);
        var client = new StaffClient(host.BaseUrl) { Account = account };
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // The printed password works once: it leads to the new-password page.
        Assert.True(await StaffSignIn.FirstTimeAsync(client.Http, account.Email, account.OneTimePassword, account.TotpSecret, now));
        return client;
    }

    /// <summary>A staff member on a SafeChat process (a cluster instance), with an account made by `staff add`.</summary>
    public static async Task<StaffClient> SignedInAsync(Uri instance, StaffCommand.Account account, string role)
    {
        var client = new StaffClient(instance) { Account = new StaffAccounts.NewAccount(0, account.Email, role, account.OneTimePassword, account.TotpSecret) };
        Assert.True(await StaffSignIn.FirstTimeAsync(client.Http, account.Email, account.OneTimePassword, account.TotpSecret, DateTime.UtcNow));
        return client;
    }

    /// <summary>The same member on another instance: the session cookie is valid on every instance of the cluster.</summary>
    public StaffClient Via(Uri instance)
    {
        var copy = new StaffClient(instance) { Account = Account };
        copy.Cookies.Add(Cookies.GetAllCookies());
        return copy;
    }

    public static StaffClient Anonymous(SafeChatHost host) => new(host.BaseUrl);

    public const string NewPassword = StaffSignIn.NewPassword;

    public Task<HttpResponseMessage> ChangePasswordAsync(string password) =>
        PostFormAsync("/staff/password", "/staff/password", new() { ["password"] = password, ["repeat"] = password });

    /// <summary>Posts a form as the browser would, with the anti-forgery token from the page that shows it.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string page, Dictionary<string, string>? fields = null) =>
        StaffSignIn.PostFormAsync(_http, path, page, fields);

    /// <summary>The code an authenticator app shows at that moment (the host's clock, which a test may control).</summary>
    public static string Code(string secret, DateTime? at = null) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>The code of the next time step on the host's clock: accepted now (within the network-delay window), also
    /// when this step's code has just signed the account in.</summary>
    public static string NextCode(SafeChatHost host, string secret) =>
        Code(secret, host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddSeconds(30));

    /// <summary>The sign-in form's error line, or null when there is none.</summary>
    public static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        var match = Regex.Match(await response.Content.ReadAsStringAsync(), "<p class=\"error\" role=\"alert\">([^<]*)</p>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password, string code) =>
        PostFormAsync("/staff/sign-in", "/staff/sign-in", new() { ["email"] = email, ["password"] = password, ["code"] = code });

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (withCsrf) request.Headers.Add("X-CSRF-TOKEN", _csrf ??= (await GetJsonAsync("/staff/api/antiforgery")).GetProperty("token").GetString());
        return await _http.SendAsync(request);
    }

    /// <summary>Posts any body as it is (for the fuzzer), with the CSRF header.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", _csrf ??= (await GetJsonAsync("/staff/api/antiforgery")).GetProperty("token").GetString());
        return await _http.SendAsync(request);
    }

    public async Task<long> CaseIdAsync(string code)
    {
        var queue = await GetJsonAsync("/staff/api/queue");
        return queue.EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("id").GetInt64();
    }
}
