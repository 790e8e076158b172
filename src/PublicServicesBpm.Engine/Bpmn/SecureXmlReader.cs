using System.Xml;
using System.Xml.Linq;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Reads untrusted XML safely: no DTD (so no external entities and no entity expansion bombs), no
/// resolver, a size and a nesting limit. Every failure becomes a problem; no exception escapes.
/// </summary>
internal static class SecureXmlReader
{
    public const int MaxCharacters = 5 * 1024 * 1024;
    public const int MaxDepth = 64;

    public static XDocument? Read(string xml, ProblemList problems)
    {
        if (xml.Length > MaxCharacters)
        {
            problems.Error(BpmnRules.XmlLimit, null, "document", $"The file has {xml.Length} characters; at most {MaxCharacters} are accepted.");
            return null;
        }

        // A byte order mark survives when the caller decoded the file bytes itself; it is not content.
        xml = xml.TrimStart('\uFEFF');
        try
        {
            // A streaming pass first, because deep nesting must be refused before anything walks the tree recursively.
            using (var reader = XmlReader.Create(new StringReader(xml), Settings()))
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        var line = (IXmlLineInfo)reader;
                        problems.Error(BpmnRules.XmlLimit, null, "document",
                            $"Elements are nested deeper than {MaxDepth} levels (line {line.LineNumber}, position {line.LinePosition}).");
                        return null;
                    }
                }
            }

            using var treeReader = XmlReader.Create(new StringReader(xml), Settings());
            return XDocument.Load(treeReader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception) when (IsDtdRefusal(exception))
        {
            problems.Error(BpmnRules.XmlDtd, null, "document",
                $"DTDs and entity declarations are not allowed in BPMN files (line {exception.LineNumber}, position {exception.LinePosition}).");
        }
        catch (XmlException exception)
        {
            problems.Error(BpmnRules.XmlMalformed, null, "document",
                $"The file is not well-formed XML at line {exception.LineNumber}, position {exception.LinePosition}: {exception.Message}");
        }

        return null;
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        // 0 would mean "unlimited" in .NET; with DTDs prohibited no entity can be declared anyway.
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    // XmlException carries no error code; the DTD refusal is recognised by its fixed message wording.
    private static bool IsDtdRefusal(XmlException exception) =>
        exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
}
