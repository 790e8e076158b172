using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// SHA-256 over a normalized form of the XML, so that saving the same diagram again (another line ending,
/// attribute order, namespace prefix, indentation, XML declaration or comment) is recognised as identical
/// content. Everything else counts, including the diagram layout: the stored XML is what the viewer shows
/// for that version.
/// </summary>
public static class BpmnContentHash
{
    /// <summary>Computes the hash of BPMN XML text already read safely.</summary>
    /// <param name="document">The parsed document.</param>
    /// <returns>64 lower-case hex characters.</returns>
    public static string Compute(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var canonical = new StringBuilder();
        if (document.Root is not null)
        {
            Append(canonical, document.Root);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    // Expanded names ({namespace}local) make prefixes irrelevant; attributes are sorted; whitespace-only
    // text is dropped and other text trimmed. Values are length-prefixed so no two documents collide by
    // concatenation.
    private static void Append(StringBuilder canonical, XElement element)
    {
        canonical.Append('<').Append(element.Name.ToString());
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
        {
            canonical.Append(' ').Append(attribute.Name.ToString()).Append('=');
            AppendValue(canonical, attribute.Value);
        }

        canonical.Append('>');
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    Append(canonical, child);
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    canonical.Append('#');
                    AppendValue(canonical, text.Value.Trim());
                    break;
            }
        }

        canonical.Append("</>");
    }

    private static void AppendValue(StringBuilder canonical, string value) =>
        canonical.Append(value.Length).Append(':').Append(value);
}
