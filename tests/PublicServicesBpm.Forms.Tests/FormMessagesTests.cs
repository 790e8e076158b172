using System.Reflection;

namespace PublicServicesBpm.Forms.Tests;

public sealed class FormMessagesTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(FormProblemCodes), typeof(FieldErrorCodes) })
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                data.Add((string)field.GetRawConstantValue()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Format_EveryPublicCode_HasVietnameseAndEnglishText(string code)
    {
        var (vi, en) = FormMessages.Format(code, "a", "b");

        Assert.False(string.IsNullOrWhiteSpace(vi));
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.NotEqual(vi, en);
    }
}
