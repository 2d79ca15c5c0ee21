<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="objects" tilewidth="32" tileheight="32" tilecount="48" columns="8">
 <image source="../tiles/objects.png" width="256" height="192"/>
 <tile id="0">
  <properties>
   <property name="sprite" value="tony"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="sprite" value="jo"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="sprite" value="mario"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="sprite" value="cesar"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="sprite" value="guard"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="sprite" value="gangster"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="sprite" value="remi"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="sprite" value="louis"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="sprite" value="concierge"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="sprite" value="neighbour"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="sprite" value="police"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="sprite" value="tonio"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="sprite" value="safe"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="sprite" value="loot"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="sprite" value="bell"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="sprite" value="sensor"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="sprite" value="door_contact"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="sprite" value="exit"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="sprite" value="car"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="sprite" value="umbrella"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="sprite" value="rope"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="sprite" value="hole"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="sprite" value="drill"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="sprite" value="extinguisher"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="sprite" value="body"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="sprite" value="waypoint"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="sprite" value="bag"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="sprite" value="pistol"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="sprite" value="key"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="sprite" value="torch"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="sprite" value="noise"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="sprite" value="sleeper"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="sprite" value="gangster_down"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="sprite" value="remi_down"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="sprite" value="louis_down"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="sprite" value="police_down"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="sprite" value="neighbour_down"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="sprite" value="concierge_down"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="sprite" value="tonio_down"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="sprite" value="lamp"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="sprite" value="street_light"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="sprite" value="window_light"/>
  </properties>
 </tile>
</tileset>
