using System.Text.Json.Serialization;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>
/// A slip's layout kept as data (<c>slips/NN-name.json</c>): page, base font size and the blocks printed from top to
/// bottom. Texts hold placeholders <c>{field}</c> or <c>{field:format}</c> naming the form's fields (docs/slips.md).
/// </summary>
internal sealed record SlipTemplate(
    string Form,
    string Title,
    SlipPage Page,
    IReadOnlyList<SlipBlock> Blocks,
    double FontSize = 10,
    [property: JsonPropertyName("$comment")] string? Comment = null);

internal enum SlipPageSize
{
    A5,
    A4,
}

internal enum SlipOrientation
{
    Portrait,
    Landscape,
}

internal enum SlipAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Paper and margins in millimetres.</summary>
internal sealed record SlipPage(SlipPageSize Size, SlipOrientation Orientation, SlipMargins MarginsMm);

internal sealed record SlipMargins(double Top, double Right, double Bottom, double Left);

/// <summary>One line of fixed text (with placeholders), optionally bold, in its own size.</summary>
internal sealed record SlipLine(string Text, bool Bold = false, double? FontSize = null);

/// <summary>A part of the page, chosen by its <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(TitleBlock), "title")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(QrBlock), "qr")]
[JsonDerivedType(typeof(SignaturesBlock), "signatures")]
[JsonDerivedType(typeof(SpaceBlock), "space")]
internal abstract record SlipBlock;

/// <summary>Two centred columns side by side: the agency on the left, the national motto on the right.</summary>
internal sealed record HeadingBlock(IReadOnlyList<SlipLine> Left, IReadOnlyList<SlipLine> Right) : SlipBlock;

/// <summary>The slip's name, bold and centred, with an optional line under it.</summary>
internal sealed record TitleBlock(string Text, string? Subtitle = null, double? FontSize = null) : SlipBlock;

/// <summary>Wrapped text; <c>indentMm</c> indents every line (a hanging list looks right that way).</summary>
internal sealed record ParagraphBlock(string Text, bool Bold = false, SlipAlign Align = SlipAlign.Left, double? FontSize = null, double IndentMm = 0) : SlipBlock;

/// <summary>
/// A ruled table of one of the form's row collections (<c>rows</c>); the header is repeated on every page the table
/// continues on. Column widths are relative; <c>empty</c> is printed when there are no rows.
/// </summary>
internal sealed record TableBlock(string Rows, IReadOnlyList<SlipColumn> Columns, double? FontSize = null, string? Empty = null) : SlipBlock;

internal sealed record SlipColumn(string Header, string Text, double Width, SlipAlign Align = SlipAlign.Left);

/// <summary>The QR code of <c>{lookupUrl}</c>, with a caption beside it; left out when the slip has no dossier code.</summary>
internal sealed record QrBlock(double SizeMm, string? Caption = null) : SlipBlock;

/// <summary>Signature columns side by side: titles, room to sign (<c>spaceMm</c>), then the signer's name.</summary>
internal sealed record SignaturesBlock(IReadOnlyList<SlipSignature> Signers, double SpaceMm = 16) : SlipBlock;

internal sealed record SlipSignature(IReadOnlyList<SlipLine> Lines, string? Name = null);

internal sealed record SpaceBlock(double Mm) : SlipBlock;
