using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>One occurrence of a component: inside a dynamic list a component occurs once per item.</summary>
/// <param name="Component">The component.</param>
/// <param name="Path">Where its value (input), object (group with path) or list (dynamic list) is.</param>
/// <param name="Scope">What its expressions see.</param>
/// <param name="Hidden">Its own hide condition or an enclosing one holds.</param>
internal readonly record struct FieldInstance(FormComponent Component, DataPath Path, ExpressionScope Scope, bool Hidden);

/// <summary>
/// Walks a form's components as form-js's condition checker does: a hidden group hides everything in it,
/// a hidden dynamic list is not entered, a visible one is entered once per item of its list.
/// </summary>
internal static class FieldWalker
{
    public static void Walk(IReadOnlyList<FormComponent> components, DataPath prefix, ExpressionScope scope, bool hidden, JsonNode? items, int maxItems, Action<FieldInstance> visit)
    {
        foreach (var component in components)
        {
            var isHidden = hidden || (component.Hide is { } condition && scope.Hides(condition));
            var path = prefix.Append(component.ValueSegments);
            visit(new FieldInstance(component, path, scope, isHidden));
            switch (component.Kind)
            {
                case FormComponentKind.Group:
                    Walk(component.Components, path, scope, isHidden, items, maxItems, visit);
                    break;
                case FormComponentKind.DynamicList when !isHidden && path.Get(items) is JsonArray list:
                    for (var i = 0; i < Math.Min(list.Count, maxItems); i++)
                    {
                        Walk(component.Components, path.Append(i), scope.ForItem(list[i], i), false, items, maxItems, visit);
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
