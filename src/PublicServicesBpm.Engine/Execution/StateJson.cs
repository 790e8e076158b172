using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>The one set of JSON options the live state is written with, so every reader agrees.</summary>
internal static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
