using System.Globalization;
using System.Text.RegularExpressions;
using PublicServicesBpm.Persistence.Audit;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>Which entries of the audit log to read. Every criterion is optional; together they narrow (AND).</summary>
internal sealed record AuditLogFilter
{
    public string? ActorId { get; init; }

    /// <summary>One of <see cref="AuditActorKind"/>.</summary>
    public string? ActorKind { get; init; }

    public string? TargetType { get; init; }

    public string? TargetId { get; init; }

    /// <summary>"By person": entries where this id is the actor or the target (what they did, and what was done to their data).</summary>
    public string? Person { get; init; }

    public Guid? DossierId { get; init; }

    /// <summary>An exact action name, or a family ending in <c>.*</c> (e.g. <c>account.*</c>).</summary>
    public string? Action { get; init; }

    public string? Outcome { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The criteria that are set, for the record of who read the log and how (the audit.read entry's details).</summary>
    public IReadOnlyDictionary<string, object> Describe()
    {
        var set = new SortedDictionary<string, object>(StringComparer.Ordinal);
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                set[name] = value;
            }
        }
        Add("actorId", ActorId);
        Add("actorKind", ActorKind);
        Add("targetType", TargetType);
        Add("targetId", TargetId);
        Add("person", Person);
        Add("dossierId", DossierId);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("from", From?.ToUniversalTime());
        Add("to", To?.ToUniversalTime());
        return set;
    }
}

internal enum AuditOrder
{
    NewestFirst,
    OldestFirst,
}

/// <summary>Keyset paging on the sequence: the entries after <see cref="After"/> in the chosen order.</summary>
internal sealed record AuditPaging(long? After, int Limit, AuditOrder Order)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static readonly AuditPaging FirstPage = new(null, DefaultLimit, AuditOrder.NewestFirst);
}

/// <summary>
/// Turns the text of a query (API query string) into a filter, with a message per bad field. Known names:
/// actorId, actorKind, targetType, targetId, person, dossierId, action, outcome, from, to, after, limit, order.
/// </summary>
internal static partial class AuditLogFilterParser
{
    public static readonly IReadOnlyList<string> Outcomes = [AuditOutcome.Succeeded, AuditOutcome.Denied, AuditOutcome.Failed];

    public static readonly IReadOnlyList<string> ActorKinds =
        [AuditActorKind.Officer, AuditActorKind.Applicant, AuditActorKind.Partner, AuditActorKind.System, AuditActorKind.Anonymous];

    public sealed class Errors : Dictionary<string, string[]>
    {
        public Errors()
            : base(StringComparer.Ordinal)
        {
        }
    }

    public static AuditLogFilter Filter(
        Errors errors, string? actorId, string? actorKind, string? targetType, string? targetId, string? person,
        string? dossierId, string? action, string? outcome, string? from, string? to)
    {
        var filter = new AuditLogFilter
        {
            ActorId = Text(errors, "actorId", actorId, 200),
            ActorKind = OneOf(errors, "actorKind", actorKind, ActorKinds),
            TargetType = Text(errors, "targetType", targetType, 100),
            TargetId = Text(errors, "targetId", targetId, 200),
            Person = Text(errors, "person", person, 200),
            DossierId = Uuid(errors, "dossierId", dossierId),
            Action = ActionName(errors, action),
            Outcome = OneOf(errors, "outcome", outcome, Outcomes),
            From = Instant(errors, "from", from),
            To = Instant(errors, "to", to),
        };
        if (filter is { From: { } start, To: { } end } && start > end)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }
        return filter;
    }

    public static AuditPaging Paging(Errors errors, string? after, string? limit, string? order)
    {
        long? afterSequence = null;
        if (!string.IsNullOrWhiteSpace(after))
        {
            if (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                afterSequence = value;
            }
            else
            {
                errors["after"] = ["'after' must be the sequence number of an entry (a whole number, 0 or more)."];
            }
        }
        var size = AuditPaging.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > AuditPaging.MaxLimit))
        {
            errors["limit"] = [$"'limit' must be a whole number from 1 to {AuditPaging.MaxLimit}."];
        }
        var direction = AuditOrder.NewestFirst;
        switch (order?.Trim())
        {
            case null or "" or "newest":
                break;
            case "oldest":
                direction = AuditOrder.OldestFirst;
                break;
            default:
                errors["order"] = ["'order' must be 'newest' or 'oldest'."];
                break;
        }
        return new(afterSequence, size, direction);
    }

    /// <summary>An ISO 8601 instant with its offset (Z or ±hh:mm). A '+' sent unencoded in a URL arrives as a space: accepted.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        var match = InstantPattern().Match(text.Trim());
        return match.Success
            && DateTimeOffset.TryParse(
                match.Groups["offset"].Value.StartsWith(' ') ? string.Concat(match.Groups["local"].Value, "+", match.Groups["offset"].Value.AsSpan(1)) : match.Value,
                CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static string? Text(Errors errors, string name, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors[name] = [$"'{name}' is longer than {maxLength} characters."];
            return null;
        }
        return trimmed;
    }

    private static string? OneOf(Errors errors, string name, string? value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        if (!allowed.Contains(trimmed, StringComparer.Ordinal))
        {
            errors[name] = [$"'{name}' must be one of: {string.Join(", ", allowed)}."];
            return null;
        }
        return trimmed;
    }

    private static Guid? Uuid(Errors errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Guid.TryParse(value.Trim(), out var id))
        {
            errors[name] = [$"'{name}' must be a UUID such as 0190a3c2-5b7e-7c1d-9f00-1234567890ab."];
            return null;
        }
        return id;
    }

    private static string? ActionName(Errors errors, string? value)
    {
        var action = Text(errors, "action", value, 100);
        if (action is not null && !ActionPattern().IsMatch(action))
        {
            errors["action"] = ["'action' must be an action name such as 'account.created', or a family such as 'account.*'."];
            return null;
        }
        return action;
    }

    private static DateTimeOffset? Instant(Errors errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!TryParseInstant(value, out var instant))
        {
            errors[name] = [$"'{name}' must be an ISO 8601 instant with its offset, such as 2026-11-27T00:00:00+07:00 or 2026-11-26T17:00:00Z."];
            return null;
        }
        return instant;
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<offset>Z|[+\- ]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_\-]*(\.[a-z0-9_\-]+)*(\.\*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPattern();
}
