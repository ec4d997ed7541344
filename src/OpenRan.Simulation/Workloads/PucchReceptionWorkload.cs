using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Simulation.Workloads;

/// <summary>One PUCCH occasion ready for <see cref="PucchReceiver.Receive"/>: receiver, received grid, configuration and message.</summary>
/// <param name="Receiver">The receiver.</param>
/// <param name="Grid">The received grid, one port per antenna.</param>
/// <param name="Configuration">The occasion's configuration.</param>
/// <param name="Sizes">The UCI sizes.</param>
/// <param name="Slot">The slot number.</param>
/// <param name="Message">Receives the UCI.</param>
/// <param name="Description">The conditions, for reports.</param>
public sealed record PucchReceptionWorkload(PucchReceiver Receiver, ResourceGrid Grid, PucchConfiguration Configuration, PucchUciSizes Sizes, int Slot, PucchUciMessage Message, string Description)
{
    /// <summary>Receives the occasion once; true when the UCI is valid.</summary>
    public bool Receive() => Receiver.Receive(Grid, Configuration, Sizes, Slot, Message).IsValid;
}
