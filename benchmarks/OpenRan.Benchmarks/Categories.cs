namespace OpenRan.Benchmarks;

/// <summary>Benchmark categories (dotnet/performance Categories.cs): a level and an area for every class.</summary>
public static class Categories
{
    public const string Kernel = "Kernel";
    public const string Chain = "Chain";
    public const string Slot = "Slot";
    public const string Dsp = "Dsp";
    public const string Simulation = "Simulation";
    public const string Polar = "Polar";
    public const string Pbch = "Pbch";
    public const string Pdcch = "Pdcch";
    public const string Modulation = "Modulation";
    public const string Equalization = "Equalization";
    public const string Pdsch = "Pdsch";
    public const string Pusch = "Pusch";
    public const string Fft = "Fft";
    public const string Ofdm = "Ofdm";
    public const string Ldpc = "Ldpc";
    public const string Crc = "Crc";
    public const string Engine = "Engine";
}
