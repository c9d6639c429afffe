using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SafeChat.Bot.Staff.Accounts;

public sealed class SignOutPageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/staff");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync();
        return Redirect("/staff/sign-in");
    }
}
