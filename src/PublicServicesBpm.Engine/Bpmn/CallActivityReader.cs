using System.Globalization;
using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads a <c>callActivity</c> and its psb:binding / psb:version / psb:versionTag.</summary>
internal static class CallActivityReader
{
    public static CallActivity Read(XElement element, PsbAttributes psb, string id, ImportSession session)
    {
        psb.CheckPlacement("binding", "version", "versionTag", "dossierStatus");
        var calledElement = element.Attribute("calledElement")?.Value.Trim();
        if (string.IsNullOrEmpty(calledElement))
        {
            session.Problems.Error(BpmnRules.Reference, id, "callActivity", "A call activity needs calledElement: the key of the process to call.");
        }

        var binding = Binding(psb);
        var versionText = psb.Text("version");
        int? version = null;
        if (versionText is not null)
        {
            if (int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                version = number;
            }
            else
            {
                psb.Invalid("version", $"must be a version number ≥ 1, not '{versionText}'");
            }
        }

        var versionTag = psb.Text("versionTag");
        if (binding == CallBinding.Version && version is null && versionText is null)
        {
            psb.Missing("version", "psb:binding=\"version\" calls one fixed version");
        }

        if (binding == CallBinding.VersionTag && versionTag is null)
        {
            psb.Missing("versionTag", "psb:binding=\"versionTag\" calls the version carrying that tag");
        }

        return new CallActivity
        {
            Id = id,
            CalledElement = calledElement ?? string.Empty,
            Binding = binding,
            Version = binding == CallBinding.Version ? version : null,
            VersionTag = binding == CallBinding.VersionTag ? versionTag : null,
        };
    }

    private static CallBinding Binding(PsbAttributes psb)
    {
        var text = psb.Text("binding");
        switch (text)
        {
            case null or "latest":
                return CallBinding.Latest;
            case "deployment":
                return CallBinding.Deployment;
            case "version":
                return CallBinding.Version;
            case "versionTag":
                return CallBinding.VersionTag;
            default:
                psb.Invalid("binding", $"must be 'latest', 'deployment', 'version' or 'versionTag', not '{text}'");
                return CallBinding.Latest;
        }
    }
}
