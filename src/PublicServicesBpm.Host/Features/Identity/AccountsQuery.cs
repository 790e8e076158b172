using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// The account list of the administrators: text search over user name, full name and e-mail that ignores case
/// and Vietnamese diacritics ("nguyen van" finds "Nguyễn Văn"), filters by agency and role (grants valid now)
/// and by status, one page at a time.
/// </summary>
internal sealed class AccountsQuery(AppDbContext db, TimeProvider clock)
{
    public static AccountsQuery For(IServiceProvider services) => ActivatorUtilities.GetServiceOrCreateInstance<AccountsQuery>(services);

    public async Task<AdminOutcome<AccountPage>> SearchAsync(AccountSearch search, CancellationToken cancellationToken)
    {
        var errors = AccountsValidation.Search(search);
        if (errors.Count > 0)
        {
            return AdminOutcome<AccountPage>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var accounts = Matching(AccountsValidation.Clean(search.Text)).AsNoTracking();
        accounts = search.Status switch
        {
            AccountStatus.Active => accounts.Where(a => a.DisabledAt == null),
            AccountStatus.Disabled => accounts.Where(a => a.DisabledAt != null),
            _ => accounts,
        };
        var agency = AccountsValidation.Clean(search.AgencyCode);
        var role = AccountsValidation.Clean(search.Role);
        if (agency is not null || role is not null)
        {
            accounts = accounts.Where(a => db.RoleGrants.Any(g => g.AccountId == a.Id
                && g.RevokedAt == null && g.ValidFrom <= now && (g.ValidUntil == null || now < g.ValidUntil)
                && (agency == null || g.AgencyCode == agency)
                && (role == null || g.Role == role)));
        }
        var total = await accounts.CountAsync(cancellationToken);
        var rows = await accounts
            .OrderBy(a => a.FullName).ThenBy(a => a.UserName).ThenBy(a => a.Id)
            .Skip((search.Page - 1) * search.PageSize).Take(search.PageSize)
            .Select(a => new { a.Id, a.UserName, a.FullName, a.DisabledAt, a.MustChangePassword })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var grants = (await db.RoleGrants.AsNoTracking()
                .Where(g => ids.Contains(g.AccountId) && g.RevokedAt == null && g.ValidFrom <= now && (g.ValidUntil == null || now < g.ValidUntil))
                .OrderBy(g => g.AgencyCode).ThenBy(g => g.Role)
                .Select(g => new { g.AccountId, g.Role, g.AgencyCode })
                .ToListAsync(cancellationToken))
            .ToLookup(g => g.AccountId, g => new GrantSummary(g.Role, g.AgencyCode));
        var items = rows.Select(r => new AccountSummary(
            r.Id, r.UserName ?? string.Empty, r.FullName,
            r.DisabledAt is null ? AccountStatus.Active : AccountStatus.Disabled,
            r.MustChangePassword, [.. grants[r.Id]])).ToList();
        return AdminOutcome<AccountPage>.Success(new AccountPage(items, search.Page, search.PageSize, total));
    }

    private IQueryable<OfficerAccount> Matching(string? text)
    {
        if (text is null)
        {
            return db.Users;
        }
        var pattern = "%" + EscapeLike(SearchFolding.Fold(text)) + "%";
        // translate() folds the stored text the same way as the search text (no unaccent extension needed).
        return db.Users.FromSql($"""
            SELECT * FROM app.officer_accounts
            WHERE translate(coalesce(user_name, '') || ' ' || full_name || ' ' || coalesce(email, ''), {SearchFolding.From}, {SearchFolding.To}) LIKE {pattern}
            """);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>
    /// Lower-case ASCII folding of Latin letters with diacritics (all of Vietnamese: ă â đ ê ô ơ ư and the five
    /// tone marks), as a pair of equal-length strings for PostgreSQL's <c>translate(text, from, to)</c>.
    /// </summary>
    internal static class SearchFolding
    {
        private static readonly List<KeyValuePair<char, char>> s_pairs = BuildPairs();
        private static readonly Dictionary<char, char> s_map = new(s_pairs);

        /// <summary>The letters that fold.</summary>
        public static readonly string From = new([.. s_pairs.Select(p => p.Key)]);

        /// <summary>What each letter of <see cref="From"/> folds to, at the same position.</summary>
        public static readonly string To = new([.. s_pairs.Select(p => p.Value)]);

        private static List<KeyValuePair<char, char>> BuildPairs()
        {
            var map = new Dictionary<char, char>();
            for (var c = 'A'; c <= 'Z'; c++)
            {
                map.TryAdd(c, char.ToLowerInvariant(c));
            }
            map.TryAdd('\u0110', 'd'); // Đ: a letter of its own, no decomposition
            map.TryAdd('\u0111', 'd'); // đ
            foreach (var (first, last) in new[] { ('\u00C0', '\u024F'), ('\u1E00', '\u1EFF') })
            {
                for (var c = first; c <= last; c++)
                {
                    var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                    if (decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0])
                        && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark))
                    {
                        map.TryAdd(c, char.ToLowerInvariant(decomposed[0]));
                    }
                }
            }
            return [.. map.OrderBy(p => p.Key)];
        }

        public static string Fold(string text)
        {
            var composed = text.Normalize(NormalizationForm.FormC);
            var folded = new StringBuilder(composed.Length);
            foreach (var c in composed)
            {
                folded.Append(s_map.TryGetValue(c, out var f) ? f : c);
            }
            return folded.ToString();
        }
    }
}
