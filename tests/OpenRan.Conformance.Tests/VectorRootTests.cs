using System;
using System.IO;

namespace OpenRan.Conformance.Tests;

public class VectorRootTests
{
    [Fact]
    public void FromDirectory_Missing_ThrowsNamingIt()
    {
        string missing = Path.Combine(Path.GetTempPath(), "openran-no-such-root-" + Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<DirectoryNotFoundException>(() => VectorRoot.FromDirectory(missing));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindFolder_ExplicitRoot_HasNoFallback()
    {
        string dir = Directory.CreateTempSubdirectory("openran-root").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "sionna", "crc"));
            VectorRoot root = VectorRoot.FromDirectory(dir);
            Assert.Null(root.Fallback);
            Assert.Equal(Path.Combine(dir, "sionna", "crc"), root.FindFolder("sionna/crc"));
            Assert.Null(root.FindFolder("py3gpp"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Resolve_InsideRepository_UsesEnvironmentOrRepositoryVectors()
    {
        VectorRoot root = VectorRoot.Resolve();
        string? env = Environment.GetEnvironmentVariable(VectorRoot.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            Assert.Equal(Path.GetFullPath(env), root.Primary);
            Assert.Null(root.Fallback);
        }
        else
        {
            Assert.NotNull(VectorRoot.FindRepositoryRoot());
            Assert.EndsWith(Path.Combine("tests", "TestVectors"), root.Primary, StringComparison.Ordinal);
        }
    }
}
