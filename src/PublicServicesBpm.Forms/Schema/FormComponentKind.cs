namespace PublicServicesBpm.Forms;

/// <summary>What a component does with the form's data.</summary>
public enum FormComponentKind
{
    /// <summary>Binds one value at its <c>key</c> (textfield, number, select, filepicker, expression, ...).</summary>
    Input,

    /// <summary>Groups children; with a <c>path</c> their values live in an object at that path.</summary>
    Group,

    /// <summary>Repeats its children once per item of the list at its <c>path</c>.</summary>
    DynamicList,

    /// <summary>Shows something and holds no data (text, html, image, spacer, separator, table, button).</summary>
    Presentation,
}
