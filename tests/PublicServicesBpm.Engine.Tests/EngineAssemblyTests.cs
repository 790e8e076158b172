using System.Reflection;

namespace PublicServicesBpm.Engine.Tests;

/// <summary>The engine stays pure: no EF Core, ASP.NET Core, Hangfire, Npgsql or logging framework.</summary>
public sealed class EngineAssemblyTests
{
    [Fact]
    public void References_AreOnlyTheBaseClassLibrary()
    {
        var engine = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "PublicServicesBpm.Engine.dll"));

        var references = engine.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "Microsoft.Bcl.TimeProvider",
            $"the engine must not reference {name}"));
    }
}
