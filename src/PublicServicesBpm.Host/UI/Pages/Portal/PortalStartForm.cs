using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicServicesBpm.Host.Features.Forms;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.UI.Pages.Portal;

/// <summary>
/// The e-form a citizen fills in when applying: the start event's form of the dossier's workflow (the version its
/// binding selects — the same one submission checks), and the values the sign-in identity can fill in for them.
/// </summary>
internal sealed class PortalStartForm(AppDbContext db, DefinitionCache definitions, NpgsqlDataSource dataSource, FormVersions formVersions)
{
    /// <summary>Person sections of the repository's forms whose fields are the applicant's own (not, e.g., the business's address).</summary>
    private static readonly string[] PersonSections = ["", "chuHo", "nguoiYeuCau", "nguoiNopHoSo", "nguoiDeNghi"];

    /// <summary>The form-js schema (JSON text) of the start form of <paramref name="processKey"/>'s current version; null when it has none.</summary>
    public async Task<string?> SchemaAsync(string processKey, CancellationToken cancellationToken)
    {
        var versionId = await db.ProcessDefinitionVersions.AsNoTracking()
            .Where(v => v.Key == processKey && v.RetiredAt == null).OrderByDescending(v => v.Version).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (versionId is not { } id)
        {
            return null;
        }
        var definition = await definitions.GetAsync(dataSource, id, cancellationToken);
        if (definition.Scope.StartEvent is not { FormKey: { } formKey } start)
        {
            return null;
        }
        return (await formVersions.ResolveAsync(id, formKey, start.FormBinding, cancellationToken))?.Schema;
    }

    /// <summary>
    /// Values from the sign-in identity for the schema's fields whose key names a personal fact (hoTen, soDinhDanh,
    /// ngaySinh, gioiTinh, dienThoai, email, noiCuTru) in a person section; nested as form-js nests dotted keys.
    /// </summary>
    public static JsonObject Prefill(string schema, ApplicantProfile profile)
    {
        var data = new JsonObject();
        foreach (var key in Keys(JsonNode.Parse(schema)))
        {
            var dot = key.LastIndexOf('.');
            var (section, field) = dot < 0 ? (string.Empty, key) : (key[..dot], key[(dot + 1)..]);
            if (!PersonSections.Contains(section) || Value(field, profile) is not { } value)
            {
                continue;
            }
            var target = data;
            foreach (var part in section.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target[part] as JsonObject ?? (JsonObject)(target[part] = new JsonObject());
            }
            target[field] = value;
        }
        return data;
    }

    /// <summary>The draft's saved values over the identity's: what the citizen typed wins.</summary>
    public static JsonObject Merge(JsonObject prefill, JsonNode? saved)
    {
        if (saved is not JsonObject values)
        {
            return prefill;
        }
        foreach (var (name, value) in values)
        {
            prefill[name] = value is JsonObject nested && prefill[name] is JsonObject under ? Merge(under, nested) : value?.DeepClone();
        }
        return prefill;
    }

    private static string? Value(string field, ApplicantProfile profile) => field switch
    {
        "hoTen" => profile.FullName,
        "soDinhDanh" => profile.PersonalIdNumber,
        "ngaySinh" => profile.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "gioiTinh" => profile.Gender switch { "male" => "nam", "female" => "nu", _ => null },
        "dienThoai" => InternationalPhone(profile.PhoneNumber),
        "email" => profile.Email,
        "noiCuTru" => profile.Address,
        _ => null,
    };

    /// <summary>
    /// A Vietnamese phone number in the international form the forms' phone fields check (0977 123 456 → +84977123456);
    /// anything else unchanged, for the applicant to correct.
    /// </summary>
    internal static string? InternationalPhone(string? phone)
    {
        var digits = phone?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        return digits is { Length: 10 or 11 } && digits[0] == '0' && digits.All(char.IsAsciiDigit) ? "+84" + digits[1..] : phone;
    }

    private static IEnumerable<string> Keys(JsonNode? node)
    {
        if (node?["components"] is not JsonArray components)
        {
            yield break;
        }
        foreach (var component in components)
        {
            if (component?["key"]?.GetValue<string>() is { } key && component["type"]?.GetValue<string>() is not ("group" or "dynamiclist"))
            {
                yield return key;
            }
            // Groups without a path keep their fields' keys as written; dynamic lists are the citizen's to fill.
            if (component?["type"]?.GetValue<string>() == "group" && component["path"] is null)
            {
                foreach (var inner in Keys(component))
                {
                    yield return inner;
                }
            }
        }
    }
}
