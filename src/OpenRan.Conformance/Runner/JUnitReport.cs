using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace OpenRan.Conformance.Runner;

/// <summary>
/// Writes a <see cref="ConformanceReport"/> as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test reporters)
/// show natively: one <c>testsuite</c> per category and one <c>testcase</c> per vector file (case), with
/// <c>failure</c> (type <c>mismatch</c> or <c>unsupported-configuration</c>, the first difference as message) or
/// <c>skipped</c> (the reason). A category that ran nothing gets one skipped test case named after its data folder, so
/// the skip is visible in the CI report rather than silently absent.
/// </summary>
public static class JUnitReport
{
    /// <summary>The XML text of <paramref name="report"/>.</summary>
    public static string Format(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var stringWriter = new Utf8StringWriter(text))
        using (var xml = XmlWriter.Create(stringWriter, settings))
        {
            Write(xml, report);
        }

        return text.ToString();
    }

    /// <summary>Writes the XML of <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(ConformanceReport report, string path) => File.WriteAllText(path, Format(report), new UTF8Encoding(false));

    private static void Write(XmlWriter xml, ConformanceReport report)
    {
        List<IGrouping<string, CaseReport>> byCategory = report.Cases.GroupBy(c => c.Category, StringComparer.Ordinal).ToList();
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "openran vectors check");
        WriteCounts(xml, report.Categories.Select(c => Counts(c)).Aggregate((0, 0, 0), (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2, a.Item3 + b.Item3)),
            report.Cases.Sum(c => c.Elapsed.TotalSeconds));
        foreach (CategorySummary category in report.Categories)
        {
            CaseReport[] cases = byCategory.FirstOrDefault(g => g.Key == category.Category)?.ToArray() ?? [];
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", category.Category);
            WriteCounts(xml, Counts(category), cases.Sum(c => c.Elapsed.TotalSeconds));
            xml.WriteStartElement("properties");
            WriteProperty(xml, "description", category.Description);
            WriteProperty(xml, "folder", category.Folder);
            WriteProperty(xml, "status", category.Status.ToString().ToLowerInvariant());
            WriteProperty(xml, "vector-root", report.Root);
            xml.WriteEndElement();
            if (cases.Length == 0)
            {
                // Nothing ran: make the skip a visible test case with its reason.
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", ClassName(category.Category));
                xml.WriteAttributeString("name", category.Folder.Length > 0 ? category.Folder : category.Category);
                xml.WriteAttributeString("time", "0");
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", category.Note ?? "no cases");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            foreach (CaseReport c in cases)
            {
                WriteCase(xml, c, report);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCase(XmlWriter xml, CaseReport c, ConformanceReport report)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", ClassName(c.Category));
        xml.WriteAttributeString("name", CaseName(c.CaseId, report.RootDirectories));
        xml.WriteAttributeString("time", c.Elapsed.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture));
        string detail = c.Result.Detail ?? "";
        switch (c.Result.Outcome)
        {
            case CaseOutcome.Failed:
            case CaseOutcome.Unsupported:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", c.Result.Outcome == CaseOutcome.Failed ? "mismatch" : "unsupported-configuration");
                xml.WriteAttributeString("message", FirstLine(detail));
                xml.WriteString(detail);
                xml.WriteEndElement();
                break;
            case CaseOutcome.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", FirstLine(detail));
                xml.WriteEndElement();
                break;
            default:
                if (detail.Length > 0)
                {
                    xml.WriteElementString("system-out", detail);
                }

                break;
        }

        xml.WriteEndElement();
    }

    /// <summary>(tests, failures, skipped) of a category; a category that ran nothing counts one skipped test.</summary>
    private static (int Tests, int Failures, int Skipped) Counts(CategorySummary c)
    {
        int tests = c.Passed + c.Failed + c.Skipped + c.Unsupported;
        return tests == 0 ? (1, 0, 1) : (tests, c.Failed + c.Unsupported, c.Skipped);
    }

    private static void WriteCounts(XmlWriter xml, (int Tests, int Failures, int Skipped) counts, double seconds)
    {
        xml.WriteAttributeString("tests", counts.Tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", counts.Failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", counts.Skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", seconds.ToString("0.###", CultureInfo.InvariantCulture));
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string ClassName(string category) => "openran.vectors." + category;

    /// <summary>The case as a path relative to the vector root holding it (forward slashes), else as given.</summary>
    private static string CaseName(string caseId, IReadOnlyList<string> roots)
    {
        foreach (string dir in roots)
        {
            if (caseId.StartsWith(dir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return Path.GetRelativePath(dir, caseId).Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        return caseId.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
