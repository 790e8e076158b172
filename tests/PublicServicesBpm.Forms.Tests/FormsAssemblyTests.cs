using System.Reflection;

namespace PublicServicesBpm.Forms.Tests;

/// <summary>The Forms project stays pure: the base class library and the (equally pure) engine, for FEEL.</summary>
public sealed class FormsAssemblyTests
{
    [Fact]
    public void References_AreOnlyTheBaseClassLibraryAndTheEngine()
    {
        var forms = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "PublicServicesBpm.Forms.dll"));

        var references = forms.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("PublicServicesBpm.Engine", references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard" || name == "PublicServicesBpm.Engine",
            $"Forms must not reference {name}"));
    }
}
