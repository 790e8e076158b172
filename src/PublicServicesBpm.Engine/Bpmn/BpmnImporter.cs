namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// The entry point of the BPMN layer: reads BPMN 2.0 XML safely, builds the executable model and validates
/// it against the supported subset. Pure: no I/O, no FEEL evaluation, no exceptions for bad input.
/// </summary>
public static class BpmnImporter
{
    /// <summary>The largest accepted file, in characters.</summary>
    public const int MaxCharacters = SecureXmlReader.MaxCharacters;

    /// <summary>The deepest accepted element nesting.</summary>
    public const int MaxDepth = SecureXmlReader.MaxDepth;

    /// <summary>
    /// Imports and validates a BPMN file. Every problem is reported, not just the first; the result is valid
    /// only when there is no error. Without a <paramref name="context"/>, references to forms, handlers and
    /// processes outside the file are not checked.
    /// </summary>
    /// <param name="xml">The BPMN XML text (at most <see cref="MaxCharacters"/> characters, no DTD).</param>
    /// <param name="context">What the deployment knows about forms, handlers and other processes, if anything.</param>
    public static BpmnImportResult Import(string xml, IDeploymentContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var problems = new ProblemList();
        try
        {
            var xmlDocument = SecureXmlReader.Read(xml, problems);
            var document = xmlDocument is null ? null : DocumentReader.Read(xmlDocument, xml, problems);
            if (document is not null)
            {
                problems.AddRange(BpmnValidator.Validate(document, context));
            }

            return new BpmnImportResult(document, [.. problems.Items]);
        }
        // A bug in the importer (or a failing deployment context) must refuse the file with a clear error,
        // not crash the designer or the deployment.
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            problems.Error(BpmnRules.ImportFailure, null, "document",
                $"The importer failed unexpectedly ({exception.GetType().Name}: {exception.Message}); the file is refused. Please report it.");
            return new BpmnImportResult(null, [.. problems.Items]);
        }
    }
}
