using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>Plain form-post endpoints of the account pages (sign-out for officers and citizens).</summary>
internal static class AccountEndpoints
{
    public const string OfficerSignOutPath = "/account/logout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with an anti-forgery token (the layout's sign-out button): no other site can sign an officer out.
        endpoints.MapPost(OfficerSignOutPath, SignOutOfficerAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = OfficerSignIn.Scheme })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return endpoints;
    }

    // Binding the form makes the endpoint check the anti-forgery token validated by UseAntiforgery (400 when missing).
    private static async Task<IResult> SignOutOfficerAsync(IFormCollection form, HttpContext context, [FromServices] OfficerSignIn signIn)
    {
        _ = form;
        await signIn.SignOutAsync(context.User, context.RequestAborted);
        return Results.LocalRedirect("/");
    }
}
