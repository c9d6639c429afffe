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

    private StaffClient(SafeChatHost host)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new BehindTlsProxy(Cookies)) { BaseAddress = host.BaseUrl };
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
        var client = new StaffClient(host) { Account = account };
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var response = await client.SignInAsync(account.Email, account.OneTimePassword, Code(account.TotpSecret, now));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/password", response.Headers.Location?.OriginalString); // the printed password works once
        var changed = await client.ChangePasswordAsync(NewPassword);
        Assert.Equal("/staff", changed.Headers.Location?.OriginalString);
        return client;
    }

    public static StaffClient Anonymous(SafeChatHost host) => new(host);

    /// <summary>The code an authenticator app shows at that moment (the host's clock, which a test may control).</summary>
    public const string NewPassword = "een lang eigen wachtwoord";

    public Task<HttpResponseMessage> ChangePasswordAsync(string password) =>
        PostFormAsync("/staff/password", "/staff/password", new() { ["password"] = password, ["repeat"] = password });

    /// <summary>Posts a form as the browser would, with the anti-forgery token from the page that shows it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string page, Dictionary<string, string>? fields = null)
    {
        var form = await _http.GetStringAsync(page);
        fields ??= [];
        fields["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value;
        return await _http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

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

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string code)
    {
        var form = await _http.GetStringAsync("/staff/sign-in");
        var token = Token().Match(form).Groups[1].Value;
        return await _http.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["code"] = code, ["__RequestVerificationToken"] = token,
        }));
    }

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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
