namespace PublicServicesBpm.Host.Features.Definitions;

/// <summary>
/// The <c>psb:type</c> names of the service- and send-task handlers this host can run. A workflow that names
/// another type is refused at deployment. Handlers register here as integrations are built.
/// </summary>
internal sealed class ServiceTaskHandlerRegistry(IEnumerable<string> handlerTypes)
{
    public IReadOnlySet<string> HandlerTypes { get; } = handlerTypes.ToHashSet(StringComparer.Ordinal);
}
