namespace PublicServicesBpm.Engine.Definitions;

/// <summary>A <c>callActivity</c>: runs another deployed process as a child instance.</summary>
public sealed record CallActivity : Activity
{
    /// <summary>The called process key (<c>calledElement</c>); a leading '=' marks a FEEL expression.</summary>
    public required string CalledElement { get; init; }

    /// <summary>Which version of the called process runs (<c>psb:binding</c>, default latest).</summary>
    public CallBinding Binding { get; init; } = CallBinding.Latest;

    /// <summary>The version number when <see cref="Binding"/> is <see cref="CallBinding.Version"/>.</summary>
    public int? Version { get; init; }

    /// <summary>The version tag when <see cref="Binding"/> is <see cref="CallBinding.VersionTag"/>.</summary>
    public string? VersionTag { get; init; }

    /// <inheritdoc />
    public override string ElementType => "callActivity";
}

/// <summary>How a call activity chooses the version of the called process.</summary>
public enum CallBinding
{
    /// <summary>The latest deployed version when the call starts (the default, as in Camunda).</summary>
    Latest,

    /// <summary>The version deployed together with the calling process.</summary>
    Deployment,

    /// <summary>A fixed version number (<c>psb:version</c>).</summary>
    Version,

    /// <summary>The version carrying a tag (<c>psb:versionTag</c>).</summary>
    VersionTag,
}
