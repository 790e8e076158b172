using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelJsonTests
{
    [Fact]
    public void FromJson_Object_BecomesContextWithDecimalNumbers()
    {
        var value = FeelValue.FromJson(JsonDocument.Parse("""{"a": 0.1, "b": [true, null, "x"], "c": {"d": 1e2}}""").RootElement);

        Assert.Equal(FeelValueKind.Context, value.Kind);
        Assert.Equal("{a: 0.1, b: [true, null, \"x\"], c: {d: 100}}", PublicServicesBpm.Engine.Feel.Builtins.FeelText.Render(value, quoteStrings: true));
    }

    [Fact]
    public void ToJsonNode_TemporalValues_BecomeIsoStrings()
    {
        var json = FeelExpression.Parse("{d: date(\"2024-01-15\"), t: time(\"10:30:00\"), dt: date and time(\"2024-01-15T10:30:00+07:00\"), p: duration(\"P1DT2H\"), m: duration(\"P14M\")}")
            .Evaluate(FeelContext.Empty)
            .ToJsonNode()!;

        Assert.Equal("2024-01-15", json["d"]!.GetValue<string>());
        Assert.Equal("10:30:00", json["t"]!.GetValue<string>());
        Assert.Equal("2024-01-15T10:30:00+07:00", json["dt"]!.GetValue<string>());
        Assert.Equal("P1DT2H", json["p"]!.GetValue<string>());
        Assert.Equal("P1Y2M", json["m"]!.GetValue<string>());
    }

    [Fact]
    public void ToJsonNode_Numbers_KeepDecimalPrecisionWithoutTrailingZeros()
    {
        var json = FeelExpression.Parse("[0.1 + 0.2, 1.50 * 2, 1 / 4]").Evaluate(FeelContext.Empty).ToJsonNode();

        Assert.Equal("[0.3,3,0.25]", json!.ToJsonString());
    }

    [Fact]
    public void FromJson_Node_RoundTripsThroughEvaluation()
    {
        var variables = JsonNode.Parse("""{"items": [{"price": 10.5, "qty": 2}, {"price": 4, "qty": 3}]}""")!.AsObject();

        var total = FeelExpression.Parse("sum(for i in items return i.price * i.qty)").Evaluate(FeelContext.FromJson(variables));

        Assert.Equal("33", total.ToJsonNode()!.ToJsonString());
    }

    [Fact]
    public void FromObject_PlainValues_Convert()
    {
        var value = FeelValue.FromObject(new Dictionary<string, object?>
        {
            ["n"] = 3,
            ["d"] = new DateOnly(2024, 1, 15),
            ["l"] = new[] { "a", "b" },
            ["x"] = null,
        });

        Assert.Equal("{n: 3, d: 2024-01-15, l: [\"a\", \"b\"], x: null}", PublicServicesBpm.Engine.Feel.Builtins.FeelText.Render(value, quoteStrings: true));
    }

    [Fact]
    public void FromObject_ArbitraryDotNetObject_IsRejectedNotReflected() =>
        Assert.Throws<ArgumentException>(() => FeelValue.FromObject(new Uri("https://example.org")));

    [Fact]
    public void FromJson_NestedTooDeeply_Throws()
    {
        var json = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));

        Assert.Throws<FeelException>(() => FeelValue.FromJson(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })));
    }

    [Fact]
    public void FromJson_NodesBuiltInCode_Convert()
    {
        var node = new JsonObject { ["n"] = 0.1, ["s"] = "x", ["b"] = true };

        var value = FeelValue.FromJson(node);

        Assert.Equal("{n: 0.1, s: \"x\", b: true}", PublicServicesBpm.Engine.Feel.Builtins.FeelText.Render(value, quoteStrings: true));
    }

    [Fact]
    public void FromObject_Double_UsesShortestDecimal() =>
        Assert.Equal("0.1", FeelValue.FromObject(0.1d).ToString());
}
