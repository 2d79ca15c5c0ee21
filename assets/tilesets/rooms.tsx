<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="rooms" tilewidth="32" tileheight="32" tilecount="8" columns="8">
 <image source="../tiles/rooms.png" width="256" height="32"/>
 <tile id="0">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="workbench"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="cafe_table"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="dining_table"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="stove"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="piano"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="grass_dark_tufts"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="grass_dark_flowers"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
</tileset>
