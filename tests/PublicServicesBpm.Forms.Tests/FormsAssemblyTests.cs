using System.Reflection;

namespace PublicServicesBpm.Forms.Tests;

/// <summary>The Forms project stays pure: it may use the base class library and nothing else.</summary>
public sealed class FormsAssemblyTests
{
    [Fact]
    public void References_AreOnlyTheBaseClassLibrary()
    {
        var forms = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "PublicServicesBpm.Forms.dll"));

        var references = forms.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"Forms must not reference {name}"));
    }
}
