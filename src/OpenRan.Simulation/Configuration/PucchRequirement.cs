using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Simulation.Link;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// One PUCCH performance requirement of TS 38.104 §8.3 (V16.4) with its test conditions: the PUCCH resource and UCI of the
/// test (TS 38.104 Tables 8.3.x.1-1, the same as TS 38.141-1 §8.3), the carrier, the propagation condition, the receive
/// antennas, what is counted, the largest allowed error probability and the SNR at which it must hold.
/// </summary>
/// <param name="Name">The preset name, e.g. <c>F0-1SYM-ACK</c>.</param>
/// <param name="Table">The requirement table, e.g. <c>8.3.2.2-1</c>.</param>
/// <param name="Description">What the requirement says, in words.</param>
/// <param name="Configuration">The PUCCH resource of the test.</param>
/// <param name="Sizes">The UCI bits of the test.</param>
/// <param name="Test">What is counted.</param>
/// <param name="SubcarrierSpacingKhz">Subcarrier spacing of the carrier.</param>
/// <param name="GridPrbs">Carrier bandwidth in PRBs (106 for 20 MHz at 15 kHz).</param>
/// <param name="Propagation">The propagation condition name.</param>
/// <param name="RxAntennas">Receive antennas.</param>
/// <param name="TargetProbability">The largest allowed error probability (0.01 or 0.001).</param>
/// <param name="SnrDb">The SNR at which it must hold.</param>
public sealed record PucchRequirement(
    string Name,
    string Table,
    string Description,
    PucchConfiguration Configuration,
    PucchUciSizes Sizes,
    PucchTest Test,
    int SubcarrierSpacingKhz,
    int GridPrbs,
    string Propagation,
    int RxAntennas,
    double TargetProbability,
    double SnrDb);
