using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// Checks the submission's structure against the data the form binds: every property must belong to a
/// field, group path or dynamic list (visible or not), group paths must hold objects and dynamic lists
/// lists of objects. Values themselves are checked by <see cref="FieldRules"/>.
/// </summary>
internal static class ShapeCheck
{
    public static void Check(DataShape shape, JsonObject data, DataPath path, List<FieldError> errors)
    {
        foreach (var (name, value) in data)
        {
            var here = path.Append([name]);
            if (!shape.Children.TryGetValue(name, out var child))
            {
                errors.Add(FieldError.Create(here.ToString(), null, FieldErrorCodes.UnknownField));
                continue;
            }

            switch (child.Kind, value)
            {
                case (DataShapeKind.Value, _) or (_, null):
                    break;
                case (DataShapeKind.Object, JsonObject map):
                    Check(child, map, here, errors);
                    break;
                case (DataShapeKind.List, JsonArray list):
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is JsonObject item)
                        {
                            Check(child.Item!, item, here.Append(i), errors);
                        }
                        else if (list[i] is not null)
                        {
                            errors.Add(ValueTypes.WrongType(here.Append(i).ToString(), null, ValueTypes.Object));
                        }
                    }

                    break;
                default:
                    errors.Add(ValueTypes.WrongType(here.ToString(), null, child.Kind == DataShapeKind.List ? ValueTypes.List : ValueTypes.Object));
                    break;
            }
        }
    }
}
