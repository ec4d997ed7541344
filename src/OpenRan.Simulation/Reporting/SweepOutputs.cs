using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Writes the output files of a whole sweep: PREFIX.csv, PREFIX.json and (optionally) the plot PREFIX.png or PREFIX.svg.
/// The default prefix puts them under <see cref="DefaultDirectory"/>, never into the working folder itself.
/// </summary>
public static class SweepOutputs
{
    /// <summary>The folder the outputs go to unless <c>--output</c> says otherwise (relative to the working folder; ignored by git).</summary>
    public const string DefaultDirectory = "results";

    /// <summary>The default prefix for outputs named <paramref name="name"/>: <c>results/NAME</c>.</summary>
    public static string DefaultPrefix(string name) => DefaultDirectory + "/" + name;

    /// <summary>The files <see cref="Write"/> writes for a result of <paramref name="shard"/> (so callers can check them before a run).</summary>
    public static IReadOnlyList<string> Paths(string prefix, ShardSpec shard, bool plot, PlotFormat format = PlotFormat.Png)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!shard.IsSingle)
        {
            return [ShardPath(prefix, shard)];
        }

        return plot ? [prefix + ".csv", prefix + ".json", prefix + ResultFigure.Extension(format)] : [prefix + ".csv", prefix + ".json"];
    }

    /// <summary>Writes the files for <paramref name="result"/> and returns their paths (directories are created).</summary>
    public static IReadOnlyList<string> Write(SweepResult result, string prefix, bool plot, PlotFormat format = PlotFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(prefix));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var written = new List<string>();
        if (!result.Shard.IsSingle)
        {
            string shardPath = ShardPath(prefix, result.Shard);
            SweepJson.Write(result, shardPath);
            written.Add(shardPath);
            return written;
        }

        SweepCsv.Write(result, prefix + ".csv");
        written.Add(prefix + ".csv");
        SweepJson.Write(result, prefix + ".json");
        written.Add(prefix + ".json");
        if (plot)
        {
            string image = prefix + ResultFigure.Extension(format);
            SweepPlot.Write(result, image, format);
            written.Add(image);
        }

        return written;
    }

    /// <summary>The file name of a shard's result: PREFIX.shard-I-of-N.json.</summary>
    public static string ShardPath(string prefix, ShardSpec shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}.shard-{shard.Index}-of-{shard.Count}.json");
}
