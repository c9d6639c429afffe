using Microsoft.AspNetCore.WebUtilities;
using SafeChat.Bot.Channels.Twilio;

namespace SafeChat.Bot.Tests.Twilio;

/// <summary>
/// Twilio's own published signature test vectors (shared/reference/twilio.md §2.5), all of them that apply to form posts:
/// the test stand-in signs them as Twilio does, and SafeChat's check (the Twilio SDK's RequestValidator) accepts them.
/// </summary>
public class SignatureVectorTests
{
    private const string Token = "12345";
    private const string BaseUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] Params =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+14158675309"), new("Digits", "1234"),
        new("From", "+14158675309"), new("To", "+18005551212"),
    ];

    [Theory]
    [InlineData(BaseUrl, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=")]
    [InlineData("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=")]
    [InlineData("https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=")]
    [InlineData("https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs=")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    [InlineData("HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=")]
    [InlineData("http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=")]
    [InlineData(BaseUrl + "&Body=It's+amazing", "dsq4Ehbj6cs+KdTkpF5sSSplOWw=")]
    public void Computes_and_accepts_twilios_vectors(string url, string expected)
    {
        Assert.Equal(expected, TwilioRequestSigner.Sign(Token, url, Params));
        Assert.True(TwilioWebhookSignature.IsValid(expected, Token, url, Params));
    }

    [Fact]
    public void A_url_validates_against_the_signature_of_its_other_port_form()
    {
        // Twilio's own back end is inconsistent about ports; the SDK tries the URL with and without one.
        Assert.True(TwilioWebhookSignature.IsValid("RSOYDt4T1cUTdK1PDd93/VVr8B8=", Token, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", Params));
        Assert.True(TwilioWebhookSignature.IsValid("kvajT1Ptam85bY51eRf/AJRuM3w=", Token, BaseUrl, Params));
    }

    [Fact]
    public void Host_casing_is_part_of_the_signature()
    {
        Assert.False(TwilioWebhookSignature.IsValid("RSOYDt4T1cUTdK1PDd93/VVr8B8=", Token, "https://MyCompany.com/myapp.php?foo=1&bar=2", Params));
    }

    [Fact]
    public void The_stand_in_signs_repeated_keys_deduplicated_and_sorted_as_twilio_node_does()
    {
        KeyValuePair<string, string>[] form = [new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234"), new("Digits", "1234")];
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioRequestSigner.Sign(Token, BaseUrl, form));

        KeyValuePair<string, string>[] binding = [new("MessagingBinding.Address", "+1415xxxxxxx"), new("MessagingBinding.Address", "+1325xxxxxxx")];
        Assert.Equal("83O6e2vORAoJHUNzJjDWN1jz+BA=", TwilioRequestSigner.Sign(Token, BaseUrl, binding));
    }

    [Theory]
    [InlineData("NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("WRONG_SIGNATURE")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_or_missing_signatures_are_rejected(string? signature) =>
        Assert.False(TwilioWebhookSignature.IsValid(signature, Token, BaseUrl, Params));

    [Fact]
    public void An_unexpected_extra_parameter_invalidates_the_signature() =>
        Assert.False(TwilioWebhookSignature.IsValid("RSOYDt4T1cUTdK1PDd93/VVr8B8=", Token, BaseUrl + "&somethingUnexpected=true", Params));

    [Fact]
    public void Project_vectors_for_a_dutch_sms_with_emoji_a_button_tap_and_a_status_callback()
    {
        const string smsBody = "MessageSid=SM11111111111111111111111111111111&SmsSid=SM11111111111111111111111111111111&SmsMessageSid=SM11111111111111111111111111111111&AccountSid=AC22222222222222222222222222222222&From=%2B31612345678&To=%2B3197010000001&Body=H%C3%A9%2C+kan+ik+om+14%3A00+komen%3F+1%2B1%3D2+%26+%F0%9F%98%80&NumMedia=0&NumSegments=1&SmsStatus=received&ApiVersion=2010-04-01&FromCountry=NL&ToCountry=NL";
        var sms = QueryHelpers.ParseQuery(smsBody).SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v!))).ToList();
        Assert.Equal("bNkg1HogPoXFVeQ0p11RTOWbKDU=", TwilioRequestSigner.Sign("test_auth_token", "https://bot.example.nl/twilio/sms?tenant=nl", sms));
        Assert.True(TwilioWebhookSignature.IsValid("bNkg1HogPoXFVeQ0p11RTOWbKDU=", "test_auth_token", "https://bot.example.nl/twilio/sms?tenant=nl", sms));

        KeyValuePair<string, string>[] tap =
        [
            new("MessageSid", "SM00000000000000000000000000000001"), new("AccountSid", "AC00000000000000000000000000000001"),
            new("From", "whatsapp:+31612345678"), new("To", "whatsapp:+14155238886"), new("Body", "Ja"), new("NumMedia", "0"),
            new("ProfileName", "Jan"), new("WaId", "31612345678"), new("ButtonText", "Ja"), new("ButtonPayload", "confirm_yes"),
            new("MessageType", "interactive"),
        ];
        Assert.Equal("A7oKEbk3XSqLGms+VBj/sTskWCI=", TwilioRequestSigner.Sign("test_auth_token", "https://bot.example.nl/twilio/inbound", tap));
        Assert.True(TwilioWebhookSignature.IsValid("A7oKEbk3XSqLGms+VBj/sTskWCI=", "test_auth_token", "https://bot.example.nl/twilio/inbound", tap));

        KeyValuePair<string, string>[] status =
        [
            new("MessageSid", "SM33333333333333333333333333333333"), new("SmsSid", "SM33333333333333333333333333333333"),
            new("MessageStatus", "undelivered"), new("SmsStatus", "undelivered"), new("ErrorCode", "63016"),
            new("AccountSid", "AC22222222222222222222222222222222"), new("From", "whatsapp:+3197010000001"),
            new("To", "whatsapp:+31612345678"), new("ApiVersion", "2010-04-01"),
        ];
        Assert.Equal("rUxZfSVsZKMRJWjYtTkJtKZM4OY=", TwilioRequestSigner.Sign("test_auth_token", "https://bot.example.nl/twilio/status", status));
        Assert.True(TwilioWebhookSignature.IsValid("rUxZfSVsZKMRJWjYtTkJtKZM4OY=", "test_auth_token", "https://bot.example.nl/twilio/status", status));
    }
}
