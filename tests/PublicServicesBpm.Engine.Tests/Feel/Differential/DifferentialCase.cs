namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

/// <summary>An expression and the JSON variables it is evaluated with (null for none).</summary>
internal sealed record DifferentialCase(string Expression, string? Context = null);
