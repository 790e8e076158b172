using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// What the validator needs besides the schema and the submission.
/// </summary>
public sealed class FormValidationContext
{
    /// <summary>Most items accepted in one dynamic list.</summary>
    public const int DefaultMaxListItems = 500;

    /// <summary>
    /// The data the form was opened with (form-js "initial data": prefilled values, process variables and
    /// option lists for <c>valuesKey</c>). Conditions see it beneath the submission, as in the browser; option
    /// lists are read only from here, never from the submission. Null means none.
    /// </summary>
    public JsonObject? InitialData { get; init; }

    /// <summary>Answers whether a file field's attachment ids exist for this dossier; null refuses every file value.</summary>
    public IFormAttachmentCatalog? Attachments { get; init; }

    /// <summary>The clock for <c>today()</c>, <c>now()</c> and <c>disallowPassedDates</c>; default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The zone in which "today" is read; default Asia/Ho_Chi_Minh (UTC+7).</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Most items accepted in one dynamic list; default <see cref="DefaultMaxListItems"/>.</summary>
    public int MaxListItems { get; init; } = DefaultMaxListItems;
}
