using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OpenRan.Conformance;

namespace OpenRan.Cli.Tests;

/// <summary>
/// Issue 14 §4: every source file under src/ holds a type named after the file (STYLE.md: one main public type per file,
/// named after the file), so a type is found by its name. Partial files <c>Type.Part.cs</c> count as <c>Type</c>. A file
/// declares no other top-level public or internal type: nested types stay with their owner, and only <c>file</c>-scoped
/// helpers used by the main type alone may share its file. The one exception is a generic type and its non-generic
/// companion of the same name (<c>SampleRing</c> and <c>SampleRing&lt;T&gt;</c>).
/// </summary>
public partial class SourceLayoutTests
{
    /// <summary>Files that declare no type by design.</summary>
    private static readonly HashSet<string> s_exempt = new(StringComparer.Ordinal) { "AssemblyInfo", "Program" };

    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:static|sealed|abstract|readonly|partial|ref|unsafe)\s+)*(?:class|record\s+struct|record\s+class|record|struct|interface|enum|delegate)\s+(?:[\w<>\[\], ]+?\s+)?(?<name>\w+)(?:<[^>]*>)?\s*(?:[(:{;]|where\b|$)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [Fact]
    public void SourceFiles_EachHoldsATypeNamedAfterTheFile()
    {
        string repository = VectorRoot.FindRepositoryRoot() ?? throw new InvalidOperationException("tests run inside the repository");
        string src = Path.Combine(repository, "src");
        var offenders = new List<string>();
        int files = 0;
        foreach (string path in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(src, path).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            string name = Path.GetFileNameWithoutExtension(path).Split('.')[0];
            if (s_exempt.Contains(name))
            {
                continue;
            }

            files++;
            string[] types = TopLevelType().Matches(File.ReadAllText(path)).Select(m => m.Groups["name"].Value).ToArray();
            if (!types.Contains(name, StringComparer.Ordinal))
            {
                offenders.Add($"{relative}: declares {(types.Length == 0 ? "no top-level type" : string.Join(", ", types))}");
            }
            else if (types.Any(t => !string.Equals(t, name, StringComparison.Ordinal)))
            {
                offenders.Add($"{relative}: declares {string.Join(", ", types)}; move each extra type to its own file");
            }
        }

        Assert.True(files > 100, $"only {files} source files found under {src}");
        Assert.True(offenders.Count == 0, "files without a type of their own name:\n" + string.Join('\n', offenders));
    }
}
