using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Host.Features.Definitions;

/// <summary>
/// What a deployment knows besides the BPMN file: the forms in the repository's <c>forms/</c> folder, the
/// registered service-task handlers, and the processes already deployed or deployed in the same batch.
/// </summary>
internal sealed class RepositoryDeploymentContext(
    IReadOnlySet<string> formKeys,
    IReadOnlySet<string> handlerTypes,
    IReadOnlySet<string> processKeys) : IDeploymentContext
{
    public bool FormExists(string formKey) => formKeys.Contains(formKey);

    public bool HandlerExists(string handlerType) => handlerTypes.Contains(handlerType);

    public bool ProcessExists(string processKey) => processKeys.Contains(processKey);
}
