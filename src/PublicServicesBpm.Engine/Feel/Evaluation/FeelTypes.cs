using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>FEEL type names, for "instance of".</summary>
internal static class FeelTypes
{
    public static readonly string[] Names =
    [
        "Any", "Null", "boolean", "number", "string", "list", "context", "date", "time", "date and time",
        "days and time duration", "years and months duration", "range", "function",
    ];

    public static bool IsInstance(FeelValue value, string typeName) => typeName switch
    {
        "Any" => !value.IsNull,
        "Null" => value.IsNull,
        "boolean" => value is FeelBoolean,
        "number" => value is FeelNumber,
        "string" => value is FeelString,
        "list" => value is FeelList,
        "context" => value is FeelContextValue,
        "date" => value is FeelDate,
        "time" => value is FeelTime,
        "date and time" => value is FeelDateTime,
        "days and time duration" => value is FeelDaysTimeDuration,
        "years and months duration" => value is FeelYearsMonthsDuration,
        "range" => value is FeelRange,
        "function" => value is FeelFunction,
        _ => false,
    };
}
