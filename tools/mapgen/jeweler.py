"""Le casse: the jeweler's on the Rue de Bourgogne, Sunday night into Monday morning.

Floor 0 is the street and the ground floor: the shop (showcases by the street windows, the
ultra-sensitive vibration sensor, the bell, a contact on the front door), its back room with
the safe, the building's hall and stairwell, the sleeping concierge's lodge (her bedroom
against the shop's wall, her parlour across the hall), the carriage
passage to the courtyard, and a closed café with a back door onto the courtyard. Floor 1
holds the vacant flat right above the shop (its living-room floor can be drilled), the
landing, and a neighbour asleep on the other side of the flat's wall.

The sensor trips at 3: a footstep beside it does, sneaking and plaster caught by the umbrella
do not. The concierge sleeps lightly (`wake` 2): uncaught plaster, the bell or a footstep
in her lodge wakes her; the bell, once the hole is open, wakes the neighbour too. The crew
starts at 02:00 and the shop opens at 07:30: 66 turns.

Ways in to the stairs: the front door beside the concierge's lodge; the locked carriage gate
then the courtyard's service door; or the café, in the front and out the back. The shop's
own door is there too, locked and wired to the bell. Two policemen walk the pavements; one
passes the shop windows, through which the lit half of the shop can be seen.
"""

from tools.mapgen.tmxwrite import FloorArt, MapSpec, Thing

GROUND = """
##############################################
#;;s;;s;;;s;;;;#_____#'''''''''''''''''''''''#
#;X;;;;;;;;;;;;#_>>__#h''''''''''''''''''''''#
#;;;;;;;;;;;t;;#_____#''''''''''''''''''''h''#
#;;;;;;;;;;;t;;#_____+'''''''''''''''''''''''#
#;;;;;;;;;;;;;;#_____#''''''''''''''''''h''''#
#;;s;;;;;;;;;;;#_____#''''''''h''''''''''''''#
#;;s;;;;;;;;;;;#_____#'''''''''''''''''''''''#
###########R####_____%%%%%%%%%''''#####+######
#;;;;B;;;;;W;;;#;;;;;%~~~~~~~#''''#,,,,,,,,,,#
#c;;;;;;V;;;;;c#;;;;;%~~~~~~~#''''#,,t,,t,,,,#
#c;;;;;;;;;;;;c#%%%;;|~~~~~~~#''''#,,,,,,,,,,#
#c;;;;;;;;;;;;c#b~%;;%~t~~~~~#''''#,,t,,t,,,,#
#c;;;;;;;;;;;;c#S~|;;%~~~~~~~#''''#,,,,,,,,,,#
#cA;;;;;;;;;;;c#~~%;;+~~~~~~~#''''#,,,,,,,,,,#
#c____________c#~~+__%~~~~~~~#''''#cccccc,,,,#
#c___________Fc#~~%__%~~~~~~~#''''#,,,,,,,,,,#
#c__G___D_____c#~~%__%~~~~~~~#''''#,,,,,,,,,,#
##[[[[##O##[[[[####+##########!!###[[##!##[[##
'5''''::::::::'''''''''''''P''''''':::::::'''6
'''''''''p''''''''''''''''''''''''''''p''''''E
==============================================
==============================================
==K===========================================
==============================================
'T'J'M'C''''''''3''''''''''''''''''Q'''''''''4
##############################################
"""

UPSTAIRS = """
######################````````````````````````
#,,,,,,,,,,,,,,#_____#````````````````````````
#,,,,,,,,,,,,,,#_<<__#````````````````````````
#,,,,,,,,,,,,,,#_____#````````````````````````
#,,,,,,,,,,,,,,!_____#````````````````````````
#,,,,,,,,,,,,,,#_____#````````````````````````
#,,,,,,,,,,,,,,#_____#````````````````````````
#,,,,,,,,,,,,,,#_____#````````````````````````
#######/##########+###%%%%%%%%````````````````
#,,,,,,,,,,,,,,#.....%.......#````````````````
#,,,,,,,,,,,,,,#.b.N.%.......#````````````````
#,,,,xxxxxxxxx,#.....%..t.o..#````````````````
#,,,,xxxxxxxxx,#.....%.......#````````````````
#,,,,xxxxxxxxx,#.....+.......#````````````````
#,,,,xxxxxxxxx,#.....%%%%+%%%#````````````````
#,,,,xxxxxxxxx,#.....%.......#````````````````
#,,,,xxxxxxxxx,#.....%.....b.#````````````````
#,,,,,,,,,,,,,,#.....%.......#````````````````
###||####||######|#####||#####````````````````
``````````````````````````````````````````````
``````````````````````````````````````````````
``````````````````````````````````````````````
``````````````````````````````````````````````
``````````````````````````````````````````````
``````````````````````````````````````````````
``````````````````````````````````````````````
``````````````````````````````````````````````
"""

SPEC = MapSpec(
    name="jeweler",
    props=[
        ("title", "Le casse"),
        ("briefing",
         "Sunday night, Rue de Bourgogne. The Maison Vasseur jewellery is shut until Monday "
         "morning, and the flat right above it has been empty for a month. We go in at two, "
         "when the last café has closed and the street is asleep.\n"
         "The shop's alarm is the best money can buy: a vibration sensor that hears a "
         "dropped pin, wired to a bell on the wall. One footstep beside it and the bell "
         "rings. So we do not go through the shop door (it has a contact too). We go up to "
         "the flat, drill through its floor into the shop's ceiling with Mario's umbrella "
         "underneath to catch the plaster, go down on Tony's rope, and smother the bell with "
         "foam before anyone walks near the sensor. César opens the safe in the back room.\n"
         "Mind the concierge asleep in her lodge against the shop's wall (falling plaster or "
         "a bell would wake her), the neighbour on the other side of the flat's wall, and "
         "the two policemen on the pavements: one of them looks in through the shop windows "
         "every time he passes. Everyone out, with the stones, before the shop opens at half "
         "past seven: five and a half hours."),
        ("start_time", "02:00"),
        ("deadline", "07:30"),
        ("seed", 1955),
        ("crew", "tony,jo,mario,cesar"),
        ("objective_escape", True),
        ("objective_loot", 2000),
        ("police_delay", 6),
        ("probes_must_lose", "straight,no-umbrella,no-foam,wait"),
    ],
    floors=[
        FloorArt("floor 0 — street and ground floor", GROUND, {
            "T": Thing("tony"),
            "J": Thing("jo"),
            "M": Thing("mario"),
            "C": Thing("cesar"),
            "K": Thing("car", name="The Citroën"),
            "E": Thing("exit", name="Rue de Bourgogne, east"),
            "X": Thing("safe", name="The safe", props={"value": 2400, "difficulty": 0}),
            "A": Thing("loot", name="Showcase: rings", props={"value": 150}),
            "F": Thing("loot", name="Showcase: watches", props={"value": 200}),
            "G": Thing("loot", name="Window tray: necklaces", props={"value": 250}),
            "B": Thing("bell", name="Alarm bell"),
            # Ultra-sensitive: a footstep next to it (4 - 1) trips it; sneaking (1), plaster
            # caught by the umbrella (2) and the rope (2) do not. It stands between the bell
            # and the back room's door, so the way to the safe passes it; and the back room's
            # door has a contact of its own: foam the bell first (sneaking is not enough).
            "V": Thing("sensor", name="Vibration sensor", props={"bell": "@B", "threshold": 3}),
            "R": Thing("door", name="Back room door", under="door_closed"),
            "W": Thing("door_contact", name="Back room contact",
                       props={"bell": "@B", "door": "@R"}),
            "O": Thing("door", name="Shop door", under="door_locked",
                       props={"locked": True, "lock_difficulty": 4}),
            # Her bed is against the shop's wall and she sleeps lightly (`wake` 2): plaster
            # falling into the shop without the umbrella (7 here), a ringing bell (14) or a
            # footstep two cells from her bed wakes her; nothing the careful crew does can.
            "S": Thing("concierge", name="Madame Bonnet, concierge",
                       props={"facing": "E", "wake": 2}),
            "D": Thing("door_contact", name="Door contact", props={"bell": "@B", "door": "@O"}),
            "P": Thing("police", name="Agent Lemoine", route="56", props={"facing": "W"}),
            "Q": Thing("police", name="Agent Ferrand", route="34", props={"facing": "E"}),
        }),
        FloorArt("floor 1 — the flat above", UPSTAIRS, {
            "N": Thing("neighbour", name="Monsieur Grappin", props={"facing": "E"}),
        }),
    ],
    notes=[
        (0, 23, 24, "Street: two police patrols. The lit pavement is where they see you."),
        (1, 31, 2, "The vacant flat: drill the marked floor into the shop below."),
    ],
)  # fmt: skip
