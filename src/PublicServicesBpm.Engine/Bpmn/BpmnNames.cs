using System.Xml.Linq;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>The XML namespaces the importer reads.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>Our extension attributes (<c>xmlns:psb</c>).</summary>
    public static readonly XNamespace Psb = "urn:publicservicesbpm:bpmn:1";

    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XName Bpmn(string localName) => Model + localName;
}
