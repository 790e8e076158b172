namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// What the deployment knows beyond the BPMN file, so validation can report missing forms, handlers and
/// called processes. Implementations must be pure lookups over data already loaded: validation does no I/O.
/// </summary>
public interface IDeploymentContext
{
    /// <summary>True when a form with this key is deployed or deployed together with the process.</summary>
    bool FormExists(string formKey);

    /// <summary>True when a service/send task handler is registered under this <c>psb:type</c>.</summary>
    bool HandlerExists(string handlerType);

    /// <summary>
    /// True when a process with this key is deployed or deployed together with this file (processes of
    /// the same file are always found without asking).
    /// </summary>
    bool ProcessExists(string processKey);
}
