namespace PublicServicesBpm.Engine.Feel.Values;

/// <summary>An interval; a null end point means the range is open on that side (e.g. from "&lt; 5").</summary>
internal sealed class FeelRange(FeelValue start, bool startIncluded, FeelValue end, bool endIncluded) : FeelValue
{
    public FeelValue Start { get; } = start;

    public bool StartIncluded { get; } = startIncluded;

    public FeelValue End { get; } = end;

    public bool EndIncluded { get; } = endIncluded;

    public override FeelValueKind Kind => FeelValueKind.Range;
}
