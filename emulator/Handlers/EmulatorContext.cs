using System;
using Bitrix24.Emulator.Specs;

namespace Bitrix24.Emulator.Handlers;

/// <summary>What handlers are made with: the portal's specs, clock and date format.</summary>
/// <param name="Specs">The specs the portal serves, for documented examples and method names.</param>
/// <param name="TimeProvider">The portal's clock (<see cref="Bitrix24EmulatorOptions.TimeProvider"/>).</param>
/// <param name="DateFormat">The format dates are answered in (<see cref="Bitrix24EmulatorOptions.DateFormat"/>).</param>
/// <param name="UserId">The portal's user, of its webhook and tokens (<see cref="Bitrix24EmulatorOptions.UserId"/>).</param>
internal sealed record EmulatorContext(SpecCatalog Specs, TimeProvider TimeProvider, PortalDateFormat DateFormat, int UserId);
