using System.Collections.Generic;
using System.IO;
using OpenRan.Conformance.Checks;
using OpenRan.Conformance.Runner;
using OpenRan.TestSupport;

namespace OpenRan.Conformance.Tests;

/// <summary>
/// The <c>ulsch-with-uci</c> category on every MATLAB vector found (also part of <see cref="ConformanceVectorTests"/>; here so
/// the UCI-on-PUSCH cases can be run alone): coded fields, codeword and layer symbols exact, and every case received back
/// with its UCI parts valid and its UL-SCH CRC passed, noiseless and at 30 dB SNR.
/// </summary>
public class UlschWithUciCheckTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var check = new UlschWithUciCheck();
        IReadOnlyList<string> files = VectorCases.Files(check.RelativeFolder, "*.mat");
        foreach (string file in files)
        {
            data.Add(Path.GetFileName(file));
        }

        if (files.Count == 0)
        {
            data.Add(string.Empty);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_MatlabVector_Passes(string file)
    {
        var check = new UlschWithUciCheck();
        if (file.Length == 0)
        {
            Assert.Skip(VectorCases.MissingMessage(check.RelativeFolder));
        }

        string? path = VectorCases.File(Path.Combine(check.RelativeFolder, file));
        Assert.NotNull(path);
        CaseReport report = ConformanceRunner.RunCase(check, path);
        Assert.True(report.Result.Outcome == CaseOutcome.Passed, $"{file}: {report.Result.Detail}");
    }
}
