using System;
using System.Globalization;
using CustomEqualizer;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Simulation.Sweeps;

// Compares the built-in zero-forcing equalizer with the example's maximum-ratio combiner at β = 1 and β = 4 on a short
// PUSCH sweep and prints the BLER curves. Usage: dotnet run --project examples/CustomEqualizer [-- SLOTS_PER_POINT]
long slots = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 200;
double[] snrDb = [-8, -4, 0, 4, 8, 12];
var options = CustomEqualizerSweep.DefaultOptions(snrDb, slots);
(string Name, Func<IChannelEqualizer> Create)[] equalizers =
[
    ("built-in zf", () => ChannelEqualizerFactory.Create(EqualizerAlgorithm.ZeroForcing)),
    ("mrc, β = 1", () => new NoiseScaledMrcEqualizer(1)),
    ("mrc, β = 4", () => new NoiseScaledMrcEqualizer(4)),
];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PUSCH, 6 PRBs, MCS 4, 1×2 TDLC300-100, {slots} slots per point: BLER"));
Console.Write("SNR dB     ");
foreach ((string name, _) in equalizers)
{
    Console.Write($"{name,14}");
}

Console.WriteLine();
var results = Array.ConvertAll(equalizers, e => CustomEqualizerSweep.Run(options, e.Create));
for (int p = 0; p < snrDb.Length; p++)
{
    Console.Write(string.Create(CultureInfo.InvariantCulture, $"{snrDb[p],6:0.0}     "));
    foreach (SweepResult result in results)
    {
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"{result.Points[p].Bler,14:0.000}"));
    }

    Console.WriteLine();
}
