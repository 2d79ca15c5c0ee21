"""La maison de campagne: Grutter's country house, where Tonio (Jo's little boy) is held. Tony
goes alone. He starts at 01:00 and must be back in the car by 06:30: 66 turns, for a quiet run
of about 51.

Floor 0: the road (the car, Tony), the hedged grounds with a guarded gate, a gap in the
hedge hidden among the trees to the east, a man walking a loop round the house, and the
ground floor: salon (Louis), dining room, pantry, kitchen with a back door to the garden,
hall with the stairs, and a study with a garden door. Floor 1: the corridor Rémi walks,
Tonio locked in the west bedroom, a gangster asleep in the east one, Louis's office.

Gunshots are loud: every armed man in the house comes running. The quiet way is round the
back, through the kitchen or the study, up the stairs between Rémi's passes.
"""

from tools.mapgen.tmxwrite import FloorArt, MapSpec, Thing

GROUND = """
hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh
h^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^h
h^^^^^^^^^^^^^^^^^^^y^^^^^^^^^y^^^^^^^^^^^^^^^^^^h
h^^^^^^^^1^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^2^^^^^^^^h
h^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^h
h^^^^^^^^^^^&&&|&&|&&&&&|&&&&&&&&+&&&&^^^^^^^^^^^h
h^^^^^y^^^^^&~~~~~~~~&ss;;ss;&_______&^^^^^^^^^^^h
h^^^^^^^^^^^&~ttt~~~~&;;;;;;;&_cc____&^^^^^^^^^^^h
h^^^^^^^^^^^|~~~~~~~~&;;;;;;;&_____t_|^^y^^^^^^^^h
h^^^^^^^^^^^&~ttt~~~~&;;;;;;;&_______&^^^^^^^^^^^h
h^^^^^^^^H^^&~~~~~~~~&;;;;;;;&_______&^^^^^^^^^^^h
h^^^^^^^^^^^&&&&&+&&&&&&&+&&&&&&&+&&&&^^^^^^^^^^^h
h^^^^^^^^^^^&.5.....U..............6.&^^^^^^y^^^^h
h^^^^^^^^^^^&&&&&+&&&&.......&&&&+&&&&^^^^^^^^^^^h
h^^^y^^^^^^^&~~~~~~~~&.......&,,,,,,s&^^^^^^^^^^^h
h^^^^^^^^^^^&~~~L~t~~&..>>...&,,,,,,s|^^^^^^^^^^^h
h^^^^^^^^^^^|~~~~~~~~+.......+,,,,,,,&^^^^^^^^^^^h
h^^^^^^^^^^^&~oo~~~~~&.......&,,,,,,,+^^^^^^^^^^^h
h^^^^^^^^^^^&~~~~~~~~&.......&,tt,,,,&^^^^^^^^^^^h
h^^^^^^^^^^^&~~~~~~~~&.......&,,,,,,,&^^^^^^^^^^^h
h^^^^^^^y^^^&&&&|&&|&&&&&+&&&&&|&&|&&&^^^^^^^y^^^h
h^^^^^^^^^^^^^^^^^^^^ggg***ggg^^^^^^^^^^^^^^^^^^^h
h^^^^^^^^^^^^^^^^^^^^ggg***ggg^^^^^^^^^^^y^^^^^^^h
h^^^^^^^^^^^^^^^^^^^^ggg***ggg^^^^^^^^^^^^^^^^^^^h
h^^^^^^^^4^^^^^^^^^^^ggg***ggg^^^^^^^^^^3^^^^^^y^h
h^^^^^^^^^^^^^^y^^^^^^^^***^^^^^^^^y^^^^^^^y^^^^^h
h^^^^^^^^^y^^^^^^^^^^^^^*G*^^^^^^^^^^^^^^^^^^^^^^h
h^^^^^^^^^^^^^^^^^^^^^^^***^^^^^^^^^^^^^^^y^^^y^^h
h^^^^^^^^^^^^^^^^^^^^^^^***^^^^^^^^^^^^^^^^y^y^^^h
hhhhhhhhhhhhhhhhhhhhhhhh***hhhhhhhhhhhhhhhhh^hhhhh
''''''''T'''''''''''''''''''''''''''''''''''''''''
======K===========================================
==================================================
''''''''''''''''''''''''''''''''''''''''''''''''''
"""

UPSTAIRS = """
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
````````````&&&|&&|&&&&&|&&&&&&|&&|&&&````````````
````````````&,,,,,,,,&_______&.......&````````````
````````````&,b,,,,,,&_t_____&.....b.&````````````
````````````|,,,N,,,,&_______&....Z..|````````````
````````````&,,,,,,,,&_______&.......&````````````
````````````&,,,,,,,,&_______&.......&````````````
````````````&&&&&!&&&&&&&+&&&&&&&+&&&&````````````
````````````&.7.............R......8.&````````````
````````````&&&&&+&&&&.......&&&&+&&&&````````````
````````````&~~~~~~~~&.......&~~~~~~~&````````````
````````````&~~~~~~~~&..<<...&~~~~~~~&````````````
````````````|~b~~~~~~&.......&~~~~~~~|````````````
````````````&~b~~~~~~&.......&~tt~~~~&````````````
````````````&~~~~~~~~&.......&~~~~~~s&````````````
````````````&~~~~~~~~&.......&~~~~~~~&````````````
````````````&&&&|&&|&&&&&|&&&&&|&&|&&&````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
``````````````````````````````````````````````````
"""

SPEC = MapSpec(
    name="country_house",
    props=[
        ("title", "La maison de campagne"),
        ("briefing",
         "Grutter's men took Tonio, Jo's little boy: he is held at the family's "
         "house outside the city. Louis keeps the ground floor, Rémi walks the upstairs "
         "corridor, and their men watch the gate and the grounds.\n"
         "You are alone, Tony, and you have a gun. Use it and the whole house comes for "
         "you. Find Tonio (the west bedroom upstairs, locked), bring him back to the car on "
         "the road, and get in after him before first light."),
        ("start_time", "01:00"),
        ("deadline", "06:30"),
        ("seed", 1955),
        ("crew", "tony"),
        ("objective_escape", True),
        ("police_delay", 20),
        ("police_search_grounds", True),
        ("probes_must_lose", "straight,guns,wait"),
    ],
    rescue="N",
    floors=[
        FloorArt("floor 0 — grounds and ground floor", GROUND, {
            "T": Thing("tony", props={"items": "gun,lockpick", "armed": True}),
            "K": Thing("car", name="Tony's car"),
            "G": Thing("gangster", name="Gate man", props={"facing": "S"}),
            "H": Thing("gangster", name="Grounds man", route="1234", loop=True,
                       props={"state": "patrol", "facing": "N"}),
            "U": Thing("gangster", name="Corridor man", route="56",
                       props={"state": "patrol", "facing": "E"}),
            "L": Thing("louis", name="Louis Grutter", props={"facing": "E"}),
        }),
        FloorArt("floor 1 — upstairs", UPSTAIRS, {
            "N": Thing("tonio", name="Tonio"),
            "R": Thing("remi", name="Rémi Grutter", route="78",
                       props={"state": "patrol", "facing": "W"}),
            "Z": Thing("gangster", name="Sleeping man", props={"state": "sleeping"}),
        }),
    ],
    notes=[(0, 2, 1, "Grounds: a gap in the hedge hides among the trees to the south-east.")],
)  # fmt: skip
