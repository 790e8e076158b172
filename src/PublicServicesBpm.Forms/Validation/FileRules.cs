using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// File fields (filepicker). In the browser form-js keeps the chosen files aside and puts a local key in
/// the data; the portal uploads the files first (function P6) and submits their attachment ids instead: one
/// id, or a list of ids when the field allows several files. Each id must be an attachment of this
/// dossier (<see cref="IFormAttachmentCatalog"/>) of a type the field's <c>accept</c> allows.
/// </summary>
internal static class FileRules
{
    public static void Check(FieldCheck check)
    {
        var value = check.Value;
        List<string>? ids = value switch
        {
            null => [],
            JsonArray list when list.All(item => FormJson.AsString(item) is { Length: > 0 }) => [.. list.Select(item => FormJson.AsString(item)!)],
            _ when FormJson.AsString(value) is { } text => text.Length == 0 ? [] : [text],
            _ => null,
        };
        if (ids is null)
        {
            check.WrongType(ValueTypes.AttachmentIds);
            return;
        }

        if (value is JsonArray && !check.Flag(check.Component.Multiple))
        {
            check.Fail(FieldErrorCodes.SingleFileExpected);
        }

        var accept = AcceptList(check.Component.Accept, check);
        foreach (var id in ids)
        {
            if (check.Context.Attachments?.Find(id) is not { } attachment)
            {
                check.Fail(FieldErrorCodes.AttachmentNotFound, id);
            }
            else if (accept.Count > 0 && !accept.Any(rule => Accepts(rule, attachment)))
            {
                check.Fail(FieldErrorCodes.AttachmentNotAccepted, attachment.FileName, string.Join(",", accept));
            }
        }

        FieldRules.Required(check);
    }

    /// <summary>
    /// The accept list (".pdf,image/*"). An expression is evaluated; a template ("{{...}}") cannot be
    /// checked on the server and is not enforced.
    /// </summary>
    private static List<string> AcceptList(string? accept, FieldCheck check)
    {
        var text = accept;
        if (accept is not null && accept.StartsWith('=') && Engine.Feel.FeelExpression.Parse(accept[1..]) is { } expression)
        {
            check.Scope.Evaluate(expression).TryGetText(out text);
        }

        if (string.IsNullOrWhiteSpace(text) || text.Contains("{{", StringComparison.Ordinal))
        {
            return [];
        }

        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The HTML accept rule: ".ext" by file name, "type/*" by media type family, or an exact media type.</summary>
    private static bool Accepts(string rule, FormAttachment attachment)
    {
        if (rule.StartsWith('.'))
        {
            return attachment.FileName.EndsWith(rule, StringComparison.OrdinalIgnoreCase);
        }

        if (rule.EndsWith("/*", StringComparison.Ordinal))
        {
            return attachment.ContentType.StartsWith(rule[..^1], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(rule, attachment.ContentType, StringComparison.OrdinalIgnoreCase);
    }
}
