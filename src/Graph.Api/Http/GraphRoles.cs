using System.Security.Claims;

namespace Graph.Api.Http;

/// <summary>
/// The roles a caller may hold: <c>reader</c> (queries, export), <c>editor</c> (mutations and import, and whatever a
/// reader may) and <c>admin</c> (the operational endpoints, and whatever an editor may).
/// </summary>
public static class GraphRoles
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Reader, Editor, Admin];

    /// <summary>The roles that include <paramref name="role"/>: an editor reads, an admin edits.</summary>
    public static string[] Including(string role) => role switch
    {
        Reader => [Reader, Editor, Admin],
        Editor => [Editor, Admin],
        Admin => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    /// <summary>Whether <paramref name="user"/> may do what <paramref name="role"/> may.</summary>
    public static bool Allows(ClaimsPrincipal user, string role) => Including(role).Any(user.IsInRole);

    /// <summary>
    /// How a request that needs <paramref name="role"/> is refused to <paramref name="context"/>'s caller: 401 without
    /// credentials (with the schemes to use in <c>WWW-Authenticate</c>), 403 with credentials lacking the role; the
    /// code and sentence say which. <paramref name="what"/> names the request, e.g. "A mutation".
    /// </summary>
    public static (int Status, string Code, string Message) Refuse(Microsoft.AspNetCore.Http.HttpContext context, string what, string role)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return (403, "FORBIDDEN", $"{what} needs the {role} role, which these credentials do not have.");
        }

        context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
        return (401, "UNAUTHENTICATED", $"{what} needs the {role} role: send an API key (X-Api-Key header) or a bearer token.");
    }
}
