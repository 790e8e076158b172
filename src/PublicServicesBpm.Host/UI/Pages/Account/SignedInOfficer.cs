using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.UI.Pages.Account;

/// <summary>The account behind the officer cookie, for the self-service pages.</summary>
internal static class SignedInOfficer
{
    /// <summary>
    /// The signed-in officer's account, tracked for changes; or null after ending the session and sending the
    /// browser to the sign-in page, when the account no longer exists or has been disabled.
    /// </summary>
    public static async Task<OfficerAccount?> LoadAsync(HttpContext context, NavigationManager navigation)
    {
        var services = context.RequestServices;
        var account = await services.GetRequiredService<UserManager<OfficerAccount>>().GetUserAsync(context.User);
        if (account is null || account.DisabledAt is not null)
        {
            await services.GetRequiredService<SignInManager<OfficerAccount>>().SignOutAsync();
            navigation.NavigateTo("/account/login");
            return null;
        }
        return account;
    }
}
