"""La répétition: the crew's hideout, where they rehearse on a copy of the jeweler's alarm.

Floor 0: the yard (start, exit), the hall with the stairs, the workshop, and the mock shop
behind a locked door (vibration sensor, bell, practice safe). Floor 1: the landing, the
landlady's bedroom (she sleeps lightly: a footstep in her room wakes her, so sneak
through), and the room above the mock shop whose floor can be drilled. Every lesson is one
room: move, doors, noise, alarm, drill, umbrella, rope, foam, safe.
"""

from tools.mapgen.tmxwrite import FloorArt, MapSpec, Thing

GROUND = """
hhhhhhhhhhhhhhhhhhhhhhhhhhhh
h^^^^^^^^^^^^^^^^^^^^^^^^^^h
h^E^^^^^^^^^^^^^^^^^^^^^^^^h
h^^^^T^J^M^C^^^^^^^^^^^^^^^h
h^^^^^^^^^^^^^^^^^^^^^^^^^^h
######+#######|#######|#####
#......%______%,,,,,,,,,,,,#
#......%______%,,,,,,,,,,,,#
#..>...+______OD,,,B,,,,,,,#
#......%_tt___%,,,,,,,,,,,,#
#......%______%,,,,,,,,,,X,#
#......%______%,,,,,,,,,,V,#
############################
"""

UPSTAIRS = """
````````````````````````````
````````````````````````````
````````````````````````````
````````````````````````````
````````````````````````````
############|#######|#######
#......%~~~~~~%............#
#......%~~~~~~%............#
#..<...+~~~~~~+...xxxxxx...#
#......%~~N~b~%...xxxxxx...#
#......%~~~~~~%...xxxxxx...#
#......%~~~~~~%............#
############################
"""

SPEC = MapSpec(
    name="tutorial",
    props=[
        ("title", "La répétition"),
        ("briefing",
         "The hideout, a week before the job. César has built a copy of the jeweler's alarm "
         "in the back room downstairs: a vibration sensor wired to a bell, and a little safe.\n"
         "Rehearse it the quiet way. Go up past the landlady without waking her (she sleeps "
         "lightly: walk through her room and she wakes, so sneak), drill "
         "through the floor above the practice room with Mario's umbrella underneath, lower "
         "Tony's rope, smother the bell with the extinguisher before it rings, and let César "
         "open the safe. Then everyone back out to the yard.\n"
         "Or pick the lock of the practice room and see what the alarm does to careless feet: "
         "its door is wired to the bell, and the sensor under the safe feels a footstep three "
         "cells away."),
        ("start_time", "21:00"),
        ("deadline", "05:00"),
        ("seed", 1955),
        ("crew", "tony,jo,mario,cesar"),
        ("objective_escape", True),
        ("objective_loot", 200),
        ("police_delay", 5),
        ("probes_must_lose", "straight,no-drill,no-umbrella,no-foam"),
    ],
    floors=[
        FloorArt("floor 0 — yard and hideout", GROUND, {
            "T": Thing("tony"),
            "J": Thing("jo"),
            "M": Thing("mario"),
            "C": Thing("cesar"),
            "E": Thing("exit", name="Yard gate"),
            # Under the safe, at 1: the safe's clicks (2) or a footstep three cells off trip
            # it; the door is wired too: every way in but the hole rings the bell.
            "V": Thing("sensor", name="Practice sensor", props={"bell": "@B", "threshold": 1}),
            "O": Thing("door", name="Practice room door", under="door_locked",
                       props={"locked": True}),
            "D": Thing("door_contact", name="Practice door contact",
                       props={"bell": "@B", "door": "@O"}),
            "B": Thing("bell", name="Practice bell"),
            "X": Thing("safe", name="Practice safe", props={"value": 200, "difficulty": 3}),
        }),
        FloorArt("floor 1 — upstairs", UPSTAIRS, {
            # She sleeps lightly (`wake` 1): a footstep anywhere within three cells of her
            # wakes her, so any walk across her room does; sneaking (1) never does.
            "N": Thing("neighbour", name="The landlady", props={"facing": "E", "wake": 1}),
        }),
    ],
    notes=[(0, 15, 1, "Start here: the gate (E) is the way out."),
           (1, 15, 2, "Drill down below: the floor right of the landlady is drillable.")],
)  # fmt: skip
