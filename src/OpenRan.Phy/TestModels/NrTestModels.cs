using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.TestModels;

/// <summary>Names and the per-model parameters of <see cref="NrTestModel"/>.</summary>
public static class NrTestModels
{
    private static readonly (NrTestModel Model, string Name, int BoostedPercent, double BoostedPowerDb, ModulationScheme Target, ModulationScheme Balance)[] s_models =
    [
        (NrTestModel.Tm1_1, "NR-FR1-TM1.1", 100, 0, ModulationScheme.Qpsk, ModulationScheme.Qpsk),
        (NrTestModel.Tm1_2, "NR-FR1-TM1.2", 40, 3, ModulationScheme.Qpsk, ModulationScheme.Qpsk),
        (NrTestModel.Tm2, "NR-FR1-TM2", 1, 0, ModulationScheme.Qam64, ModulationScheme.Qam64),
        (NrTestModel.Tm2a, "NR-FR1-TM2a", 1, 0, ModulationScheme.Qam256, ModulationScheme.Qam256),
        (NrTestModel.Tm2b, "NR-FR1-TM2b", 1, 0, ModulationScheme.Qam1024, ModulationScheme.Qam1024),
        (NrTestModel.Tm3_1, "NR-FR1-TM3.1", 100, 0, ModulationScheme.Qam64, ModulationScheme.Qam64),
        (NrTestModel.Tm3_1a, "NR-FR1-TM3.1a", 100, 0, ModulationScheme.Qam256, ModulationScheme.Qam256),
        (NrTestModel.Tm3_1b, "NR-FR1-TM3.1b", 100, 0, ModulationScheme.Qam1024, ModulationScheme.Qam1024),
        (NrTestModel.Tm3_2, "NR-FR1-TM3.2", 60, -3, ModulationScheme.Qam16, ModulationScheme.Qpsk),
        (NrTestModel.Tm3_3, "NR-FR1-TM3.3", 50, -6, ModulationScheme.Qpsk, ModulationScheme.Qpsk),
    ];

    /// <summary>Every model.</summary>
    public static IEnumerable<NrTestModel> All
    {
        get
        {
            foreach (var m in s_models)
            {
                yield return m.Model;
            }
        }
    }

    /// <summary>The specification name, e.g. NR-FR1-TM3.1a.</summary>
    public static string Name(this NrTestModel model) => Entry(model).Name;

    /// <summary>Parses a name such as NR-FR1-TM3.1a, TM3.1a or 3.1a (case-insensitive).</summary>
    public static NrTestModel Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToUpperInvariant();
        foreach (var m in s_models)
        {
            string full = m.Name.ToUpperInvariant();
            if (key == full || key == full["NR-FR1-".Length..] || key == full["NR-FR1-TM".Length..])
            {
                return m.Model;
            }
        }

        throw new ArgumentException($"unknown test model '{name}'; valid: {string.Join(", ", Array.ConvertAll(s_models, m => m.Name))}", nameof(name));
    }

    /// <summary>Percentage of target PRBs (100: all; 1: the single moving PRB of TM2/2a/2b).</summary>
    public static int BoostedPercent(this NrTestModel model) => Entry(model).BoostedPercent;

    /// <summary>Power of the target PRBs, dB.</summary>
    public static double BoostedPowerDb(this NrTestModel model) => Entry(model).BoostedPowerDb;

    /// <summary>Modulation of the target PDSCH.</summary>
    public static ModulationScheme TargetModulation(this NrTestModel model) => Entry(model).Target;

    /// <summary>Modulation of the power-balancing PDSCH (TM1.2, TM3.2, TM3.3).</summary>
    public static ModulationScheme BalanceModulation(this NrTestModel model) => Entry(model).Balance;

    private static (NrTestModel Model, string Name, int BoostedPercent, double BoostedPowerDb, ModulationScheme Target, ModulationScheme Balance) Entry(NrTestModel model)
    {
        foreach (var m in s_models)
        {
            if (m.Model == model)
            {
                return m;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(model), model, "not an FR1 test model");
    }
}
